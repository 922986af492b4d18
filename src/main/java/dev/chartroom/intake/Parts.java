package dev.chartroom.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
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
