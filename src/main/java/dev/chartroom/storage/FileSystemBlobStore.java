package dev.chartroom.storage;

import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Blobs as files under {@code <root>/<organization>/<ab>/<cd>/<sha256>}. Content is streamed to a
 * temporary file in {@code <root>/.incoming}, flushed to disk, then renamed into place, so a crash
 * never leaves a partial file under a real key.
 */
class FileSystemBlobStore implements BlobStore {

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public StoredBlob put(OrganizationId organizationId, InputStream content) throws IOException {
        Path temporary = Files.createTempFile(incoming, "blob-", ".part");
        try {
            MessageDigest sha256 = Sha256.newDigest();
            long size;
            try (OutputStream file = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
                    var digesting = new DigestOutputStream(file, sha256)) {
                size = content.transferTo(digesting);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            var key = BlobKey.of(organizationId, HexFormat.of().formatHex(sha256.digest()));
            Path target = pathOf(key);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return new StoredBlob(key, size, key.sha256()); // same content is stored already
            }
            moveIntoPlace(temporary, target);
            return new StoredBlob(key, size, key.sha256());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<InputStream> open(BlobKey key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Long> size(BlobKey key) throws IOException {
        Path path = pathOf(key);
        return Files.exists(path) ? Optional.of(Files.size(path)) : Optional.empty();
    }

    @Override
    public boolean delete(BlobKey key) throws IOException {
        return Files.deleteIfExists(pathOf(key));
    }

    @Override
    public void check() throws IOException {
        if (!Files.isDirectory(incoming) || !Files.isWritable(incoming)) {
            throw new IOException(describe() + " is not a writable folder");
        }
    }

    @Override
    public String describe() {
        return "the folder " + root;
    }

    Path pathOf(BlobKey key) {
        String sha = key.sha256();
        return root.resolve(key.organizationId().value())
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // Another request stored the same content first: identical bytes, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The blob folder must be on one file system that supports atomic renames", e);
        }
    }
}
