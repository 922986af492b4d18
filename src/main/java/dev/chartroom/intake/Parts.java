package dev.chartroom.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;

/** What every contract does alike with its request parts and its writes. */
public final class Parts {

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
     * A request the client got wrong though no contract rule names it, found among the exceptions
     * that would otherwise be a 500: a file part where a text field is expected (Spring cannot turn
     * a file into a string). Each contract answers it in its own shape. (A form body the container
     * cannot decode is refused before, with the other request rules: web.RequestLimits.)
     *
     * @param field  the form field concerned, when one is
     * @param reason what to tell the client
     */
    public record ClientFault(HttpStatus status, String field, String reason) {
    }

    public static Optional<ClientFault> clientFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TypeMismatchException mismatch && isFile(mismatch.getValue())) {
                String field = mismatch instanceof MethodArgumentConversionNotSupportedException argument ? argument.getName()
                        : mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                        : mismatch.getPropertyName();
                return Optional.of(new ClientFault(HttpStatus.BAD_REQUEST, field,
                        (field == null ? "A field" : field) + " must be a text field, not a file part."));
            }
        }
        return Optional.empty();
    }

    private static boolean isFile(Object value) {
        return value instanceof MultipartFile || value instanceof MultipartFile[]
                || value instanceof Collection<?> values && !values.isEmpty() && values.stream().allMatch(MultipartFile.class::isInstance);
    }

    /**
     * Runs a write again when it failed on a unique key: a concurrent request stored the same new
     * rows first, and a second run finds them stored. Gives up after three runs.
     */
    public static <T> T retryingOnDuplicateKey(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (DuplicateKeyException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }
}
