package dev.chartroom.document;

import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/**
 * A stored blob as a Spring resource that can be opened again for each byte range, so Spring MVC
 * answers {@code Range} requests (206, multipart ranges, 416) for signed downloads by itself.
 */
final class BlobResource extends AbstractResource {

    private final BlobStore blobs;
    private final BlobKey key;
    private final long size;

    BlobResource(BlobStore blobs, BlobKey key, long size) {
        this.blobs = blobs;
        this.key = key;
        this.size = size;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return blobs.open(key).orElseThrow(() -> new FileNotFoundException("blob is gone"));
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getDescription() {
        return "stored blob"; // never the key: it names the organization and the content's hash
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlobResource that && that.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
