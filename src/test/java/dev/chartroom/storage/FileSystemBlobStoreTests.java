package dev.chartroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartroom.tenant.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests {

    @TempDir
    Path root;

    @Test
    void storesByContentPerOrganization() throws IOException {
        var store = new FileSystemBlobStore(root);
        byte[] content = "%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII);

        var stored = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(content));
        var again = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(content));
        var elsewhere = store.put(OrganizationId.of("other"), new ByteArrayInputStream(content));

        assertThat(stored.sha256()).isEqualTo(stored.key().sha256());
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(again.key()).isEqualTo(stored.key());
        assertThat(elsewhere.key()).isNotEqualTo(stored.key());
        assertThat(elsewhere.key().organizationId()).isEqualTo(OrganizationId.of("other"));
        try (InputStream read = store.open(stored.key()).orElseThrow()) {
            assertThat(read.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.size(stored.key())).contains((long) content.length);
    }

    @Test
    void theKeyIsTheSha256OfTheContent() throws Exception {
        var store = new FileSystemBlobStore(root);
        var stored = store.put(
                OrganizationId.of("acme"), new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));

        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(stored.key().value())
                .isEqualTo("acme/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aFailedWriteLeavesNothingVisible() throws IOException {
        var store = new FileSystemBlobStore(root);
        InputStream failing = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 10_000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put(OrganizationId.of("acme"), failing)).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void missingBlobsAreEmptyAndDeletesAreReported() throws IOException {
        var store = new FileSystemBlobStore(root);
        BlobStoreContract.missingBlobsAreEmptyAndDeletesAreReported(store);
    }

    @Test
    void keysCannotEscapeTheStore() {
        assertThatThrownBy(() -> new BlobKey("../etc/" + "a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobKey("acme/../../" + "a".repeat(58)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKey.of(OrganizationId.of("acme"), "not-a-hash"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
