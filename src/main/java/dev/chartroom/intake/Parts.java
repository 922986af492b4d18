package dev.chartroom.intake;

import dev.chartroom.web.ServerBusyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.web.multipart.MultipartFile;

/** What every contract does alike with its request parts and its writes. */
public final class Parts {

    static final int ATTEMPTS = 4;

    private Parts() {
    }

    /** The bytes of an uploaded part; null when the part is absent. */
    public static byte[] bytes(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a write again when it collided with a concurrent one: a unique key (a concurrent request
     * stored the same new rows first, and a second run finds them stored), a deadlock, a lock wait
     * that timed out, a serialization failure. Each run must be a whole transaction. After
     * {@value #ATTEMPTS} runs it gives up with {@link ServerBusyException} (503): the client may
     * send the same request again.
     */
    public static <T> T retryingOnConflict(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!conflict(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ServerBusyException("Concurrent uploads kept changing the same records; retry in 2 seconds.",
                            Duration.ofSeconds(2));
                }
                pause(attempt);
            }
        }
    }

    /** Whether a failure, at any depth, is a collision with concurrent writes rather than a fault. */
    static boolean conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException || cause instanceof ConcurrencyFailureException
                    || cause instanceof QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A short, growing, jittered pause, so that the colliding writers do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(attempt * 50L + ThreadLocalRandom.current().nextLong(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
