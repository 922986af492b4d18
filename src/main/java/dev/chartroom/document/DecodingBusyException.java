package dev.chartroom.document;

import dev.chartroom.web.ServerBusyException;
import java.time.Duration;

/**
 * Every decoding slot stayed taken for the whole wait bound: the caller should answer 503 with
 * {@code Retry-After: }{@link #retryAfterSeconds()} in its contract's shape, and a job should retry later.
 */
public final class DecodingBusyException extends ServerBusyException {

    DecodingBusyException(Duration retryAfter) {
        super("The server is busy reading other files; retry in " + seconds(retryAfter) + " seconds.", retryAfter);
    }
}
