package dev.chartroom.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.tenant.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** What every {@link BlobStore} must do alike, checked by each store's tests. */
final class BlobStoreContract {

    private BlobStoreContract() {}

    static void missingBlobsAreEmptyAndDeletesAreReported(BlobStore store) throws IOException {
        var key = BlobKey.of(OrganizationId.of("acme"), "a".repeat(64));

        assertThat(store.open(key)).isEmpty();
        assertThat(store.size(key)).isEmpty();
        assertThat(store.delete(key)).isFalse();
        var stored = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(store.delete(stored.key())).isTrue();
        assertThat(store.open(stored.key())).isEmpty();
    }
}
