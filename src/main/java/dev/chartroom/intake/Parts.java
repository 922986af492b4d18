package dev.chartroom.intake;

import dev.chartroom.web.ServerBusyException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;

/** What every contract does alike with its request parts and its writes. */
public final class Parts {

    static final int ATTEMPTS = 4;

    private Parts() {}

    /**
     * A request the client got wrong though no contract rule names it, found among the exceptions
     * that would otherwise be a 500: a file part where a text field is expected (Spring cannot turn
     * a file into a string). Each contract answers it in its own shape. (A form body the container
     * cannot decode is refused before, with the other request rules: web.RequestLimits.)
     *
     * @param field  the form field concerned, when one is
     * @param reason what to tell the client
     */
    public record ClientFault(HttpStatus status, String field, String reason) {}

    public static Optional<ClientFault> clientFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TypeMismatchException mismatch && isFile(mismatch.getValue())) {
                String field = mismatch instanceof MethodArgumentConversionNotSupportedException argument
                        ? argument.getName()
                        : mismatch instanceof MethodArgumentTypeMismatchException argument
                                ? argument.getName()
                                : mismatch.getPropertyName();
                return Optional.of(new ClientFault(
                        HttpStatus.BAD_REQUEST,
                        field,
                        (field == null ? "A field" : field) + " must be a text field, not a file part."));
            }
        }
        return Optional.empty();
    }

    private static boolean isFile(Object value) {
        return value instanceof MultipartFile
                || value instanceof MultipartFile[]
                || value instanceof Collection<?> values
                        && !values.isEmpty()
                        && values.stream().allMatch(MultipartFile.class::isInstance);
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
                    throw new ServerBusyException(
                            "Concurrent uploads kept changing the same records; retry in 2 seconds.",
                            Duration.ofSeconds(2));
                }
                pause(attempt);
            }
        }
    }

    /** Whether a failure, at any depth, is a collision with concurrent writes rather than a fault. */
    static boolean conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException
                    || cause instanceof ConcurrencyFailureException
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
