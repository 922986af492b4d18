package dev.chartroom.document;

import java.time.Duration;

/**
 * Every decoding slot stayed taken for the whole wait bound: the caller should answer 503 with
 * {@code Retry-After: }{@link #retryAfterSeconds()} in its contract's shape, and a job should retry later.
 */
public final class DecodingBusyException extends RuntimeException {

    private final transient Duration retryAfter;

    DecodingBusyException(Duration retryAfter) {
        super("The server is busy reading other files; retry in " + Math.max(1, retryAfter.toSeconds()) + " seconds.",
                null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} header's value. */
    public String retryAfterSeconds() {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
