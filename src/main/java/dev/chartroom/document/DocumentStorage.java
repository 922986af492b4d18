package dev.chartroom.document;

import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.storage.StoredBlob;
import dev.chartroom.tenant.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores files and their document rows all or none: every file's bytes go into the blob store
 * first, then the rows are written in one transaction. When a put or the transaction fails, the
 * blobs this call stored and no document references are removed again; after a commit, any of its
 * blobs that a concurrent failure removed meanwhile is put back. So no row ever lacks its blob,
 * and no failed request leaves a blob behind.
 */
public class DocumentStorage {

    /** Whether any document of the organization keeps bytes under a blob key. */
    @FunctionalInterface
    interface BlobReferences {
        boolean referenced(OrganizationId organizationId, String blobKey);
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentStorage.class);

    private final BlobStore blobs;
    private final TransactionOperations transaction;
    private final BlobReferences references;

    DocumentStorage(BlobStore blobs, TransactionOperations transaction, BlobReferences references) {
        this.blobs = blobs;
        this.transaction = transaction;
        this.references = references;
    }

    /**
     * Puts the contents into the blob store, then runs {@code write} with their blobs (in order) in
     * one transaction and returns its result. {@code write} inserts the rows and enqueues what follows.
     *
     * @throws UncheckedIOException when the blob store fails; nothing is left stored
     */
    public <T> T store(OrganizationId organizationId, List<byte[]> contents, Function<List<StoredBlob>, T> write) {
        List<StoredBlob> stored = new ArrayList<>(contents.size());
        T result;
        try {
            for (byte[] content : contents) {
                stored.add(blobs.put(organizationId, new ByteArrayInputStream(content)));
            }
            result = transaction.execute(status -> write.apply(List.copyOf(stored)));
        } catch (IOException e) {
            forgetUnreferenced(organizationId, stored);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            forgetUnreferenced(organizationId, stored);
            throw e;
        }
        restoreMissing(stored, contents);
        return result;
    }

    private void forgetUnreferenced(OrganizationId organizationId, List<StoredBlob> stored) {
        for (StoredBlob blob : stored) {
            try {
                if (!references.referenced(organizationId, blob.key().value())) {
                    blobs.delete(blob.key());
                }
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "Could not remove an unreferenced blob after a failed store: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** A concurrent request with the same bytes may have failed and removed "its" blob after our put. */
    private void restoreMissing(List<StoredBlob> stored, List<byte[]> contents) {
        for (int i = 0; i < stored.size(); i++) {
            BlobKey key = stored.get(i).key();
            try {
                if (blobs.size(key).isEmpty()) {
                    blobs.put(key.organizationId(), new ByteArrayInputStream(contents.get(i)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
