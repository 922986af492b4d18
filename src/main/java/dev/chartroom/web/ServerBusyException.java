package dev.chartroom.web;

import java.time.Duration;

/**
 * The server cannot take this request now (every slot for its kind of work stayed taken, or its
 * write kept colliding with concurrent ones), and likely can soon: each contract answers 503
 * with {@code Retry-After: }{@link #retryAfterSeconds()} in its own error shape.
 */
public class ServerBusyException extends RuntimeException {

    private final transient Duration retryAfter;

    public ServerBusyException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} header's value, in whole seconds (at least 1). */
    public String retryAfterSeconds() {
        return Long.toString(seconds(retryAfter));
    }

    protected static long seconds(Duration retryAfter) {
        return Math.max(1, retryAfter.toSeconds());
    }
}
