package dev.chartroom.storage;

import java.io.IOException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code blobStore}: the store answers (the bucket exists and the credentials work, or the folder
 * is writable). Part of the readiness group, so a load balancer sends no uploads to a node that
 * could not store them; not of liveness, as restarting the node would not help.
 */
@Component("blobStoreHealthIndicator") // health contributor "blobStore"
class BlobStoreHealth extends AbstractHealthIndicator {

    private final BlobStore blobs;

    BlobStoreHealth(BlobStore blobs) {
        super("The blob store is not available");
        this.blobs = blobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws IOException {
        blobs.check();
        health.up();
    }
}
