package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.storage.StoredBlob;
import dev.chartroom.tenant.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** All or none: a failed put or transaction leaves no blob behind that no document references. */
class DocumentStorageTests {

    final MemoryBlobs blobs = new MemoryBlobs();
    final Set<String> referenced = ConcurrentHashMap.newKeySet();
    final DocumentStorage storage = new DocumentStorage(
            blobs, TransactionOperations.withoutTransaction(), (org, key) -> referenced.contains(key));

    @Test
    void storesEveryBlobThenWrites() {
        List<String> keys = storage.store(
                OrganizationId.of("acme"),
                List.of(bytes("a"), bytes("b")),
                stored -> stored.stream().map(b -> b.key().value()).toList());
        assertThat(keys).hasSize(2);
        assertThat(blobs.stored.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aFailedWriteRemovesTheBlobsItStored() {
        assertThatThrownBy(() -> storage.store(OrganizationId.of("acme"), List.of(bytes("a"), bytes("b")), stored -> {
                    throw new IllegalStateException("database down");
                }))
                .hasMessage("database down");
        assertThat(blobs.stored).isEmpty();
    }

    @Test
    void aFailedWriteKeepsBlobsOtherDocumentsReference() {
        String shared = storage.store(
                OrganizationId.of("acme"),
                List.of(bytes("a")),
                stored -> stored.getFirst().key().value());
        referenced.add(shared);
        assertThatThrownBy(() -> storage.store(OrganizationId.of("acme"), List.of(bytes("a"), bytes("new")), stored -> {
            throw new IllegalStateException("constraint violated");
        }));
        assertThat(blobs.stored.keySet()).containsExactly(shared);
    }

    @Test
    void aFailedPutRemovesTheEarlierBlobsAndWritesNothing() {
        blobs.failOnPut = 2;
        var wrote = new boolean[1];
        assertThatThrownBy(() -> storage.store(
                        OrganizationId.of("acme"), List.of(bytes("a"), bytes("b"), bytes("c")), stored -> {
                            wrote[0] = true;
                            return null;
                        }))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(wrote[0]).isFalse();
        assertThat(blobs.stored).isEmpty();
    }

    @Test
    void aBlobRemovedByAConcurrentFailureIsPutBackAfterTheCommit() {
        String key = storage.store(OrganizationId.of("acme"), List.of(bytes("a")), stored -> {
            // Another request with the same bytes failed meanwhile and removed the (then unreferenced) blob.
            blobs.stored.remove(stored.getFirst().key().value());
            return stored.getFirst().key().value();
        });
        assertThat(blobs.stored).containsKey(key);
    }

    private static byte[] bytes(String text) {
        return text.getBytes();
    }

    static final class MemoryBlobs implements BlobStore {
        final Map<String, byte[]> stored = new ConcurrentHashMap<>();
        int puts;
        int failOnPut = -1;

        @Override
        public StoredBlob put(OrganizationId organizationId, InputStream content) throws IOException {
            if (++puts == failOnPut) {
                throw new IOException("disk full");
            }
            byte[] bytes = content.readAllBytes();
            try {
                String sha = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                var key = BlobKey.of(organizationId, sha);
                stored.put(key.value(), bytes);
                return new StoredBlob(key, bytes.length, sha);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<InputStream> open(BlobKey key) {
            return Optional.ofNullable(stored.get(key.value())).map(ByteArrayInputStream::new);
        }

        @Override
        public Optional<Long> size(BlobKey key) {
            return Optional.ofNullable(stored.get(key.value())).map(b -> (long) b.length);
        }

        @Override
        public boolean delete(BlobKey key) {
            return stored.remove(key.value()) != null;
        }

        @Override
        public String describe() {
            return "memory";
        }
    }
}
