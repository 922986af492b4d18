package dev.chartroom.storage;

import dev.chartroom.tenant.OrganizationId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Content-addressed storage of file bytes. A put is atomic: a blob is either wholly visible under
 * its key or not at all, whatever happens while it is written.
 */
public interface BlobStore {

    /** Streams the content into the store (never holding it all in memory) and returns its key. */
    StoredBlob put(OrganizationId organizationId, InputStream content) throws IOException;

    /** Opens a stored blob for reading; empty when there is none under that key. */
    Optional<InputStream> open(BlobKey key) throws IOException;

    /** The size of a stored blob; empty when there is none under that key. */
    Optional<Long> size(BlobKey key) throws IOException;

    /** Removes a blob; false when there was none. */
    boolean delete(BlobKey key) throws IOException;

    /**
     * A URL of the store itself that downloads the blob until {@code ttl} has passed, answered with
     * this content type and disposition; empty when this store hands out none (the file system's,
     * or an S3 store without {@code presign}): Chartroom's own signed URLs serve it then.
     */
    default Optional<URI> presignedDownload(BlobKey key, Duration ttl, String contentType, String contentDisposition) {
        return Optional.empty();
    }

    /** Whether the store answers and takes writes now (the readiness check); throws when it does not. */
    default void check() throws IOException {}

    /** Where the blobs live, for operators' log lines (a folder, a bucket); never a credential. */
    String describe();
}
