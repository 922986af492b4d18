package dev.chartroom.storage;

import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects of one bucket of an S3-compatible store, under {@code <organization>/<sha256>}.
 *
 * <p>Content is streamed: a file up to {@code partSize} is hashed in one buffer and put under its key
 * in one request; a larger one is sent as a multipart upload under {@code .incoming/<random>}, hashed
 * part by part (one part in memory at a time), then copied to its key inside the store and the
 * temporary object removed. Either way an object appears whole or not at all, as S3 puts and
 * completed multipart uploads are atomic. A failed multipart upload is aborted; what a crash leaves
 * under {@code .incoming/} is never referenced (a bucket lifecycle rule can expire it).
 *
 * <p>Every failure of the store or of the connection to it is an {@link IOException}, so background
 * work that meets one is retried rather than buried.
 */
class S3BlobStore implements BlobStore, AutoCloseable {

    static final String INCOMING = ".incoming/";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final int partSize;
    private final ServerSideEncryption encryption;
    private final String kmsKeyId;
    private final URI endpoint;

    /**
     * @param presigner  signs download URLs of the store itself; null: none are handed out
     * @param encryption {@code AES256} or {@code aws:kms}; null: the bucket's default
     * @param kmsKeyId   the KMS key of {@code aws:kms}; null: the store's default key
     * @param endpoint   where the store is, for log lines; null: AWS S3
     */
    public S3BlobStore(
            S3Client s3,
            S3Presigner presigner,
            String bucket,
            int partSize,
            String encryption,
            String kmsKeyId,
            URI endpoint) {
        this.endpoint = endpoint;
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.partSize = partSize;
        this.encryption =
                encryption == null || encryption.isBlank() ? null : ServerSideEncryption.fromValue(encryption);
        this.kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId;
    }

    @Override
    public StoredBlob put(OrganizationId organizationId, InputStream content) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        var in = new PushbackInputStream(content, 1);
        byte[] buffer = new byte[partSize];
        int length = in.readNBytes(buffer, 0, partSize);
        sha256.update(buffer, 0, length);
        if (length < partSize || !more(in)) {
            var key = BlobKey.of(organizationId, HexFormat.of().formatHex(sha256.digest()));
            if (size(key).isEmpty()) { // same content stored already: nothing to send
                call(() -> s3.putObject(
                        encrypted(PutObjectRequest.builder()
                                        .bucket(bucket)
                                        .key(key.value())
                                        .contentLength((long) length))
                                .build(),
                        body(buffer, length)));
            }
            return new StoredBlob(key, length, key.sha256());
        }
        return putInParts(organizationId, in, buffer, length, sha256);
    }

    private StoredBlob putInParts(
            OrganizationId organizationId, InputStream in, byte[] buffer, int firstLength, MessageDigest sha256)
            throws IOException {
        String temporary = INCOMING + UUID.randomUUID();
        var create = CreateMultipartUploadRequest.builder().bucket(bucket).key(temporary);
        if (encryption != null) {
            create.serverSideEncryption(encryption).ssekmsKeyId(kmsKeyId);
        }
        String uploadId = call(() -> s3.createMultipartUpload(create.build())).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            int length = firstLength;
            while (length > 0) {
                int number = parts.size() + 1;
                int partLength = length;
                String etag = call(() -> s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(temporary)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) partLength),
                                body(buffer, partLength)))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                size += length;
                length = in.readNBytes(buffer, 0, partSize);
                sha256.update(buffer, 0, length);
            }
            call(() -> s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(temporary).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
            completed = true;
            var key = BlobKey.of(organizationId, HexFormat.of().formatHex(sha256.digest()));
            if (size(key).isEmpty()) {
                var copy = CopyObjectRequest.builder()
                        .sourceBucket(bucket)
                        .sourceKey(temporary)
                        .destinationBucket(bucket)
                        .destinationKey(key.value());
                if (encryption != null) {
                    copy.serverSideEncryption(encryption).ssekmsKeyId(kmsKeyId);
                }
                call(() -> s3.copyObject(copy.build()));
            }
            return new StoredBlob(key, size, key.sha256());
        } finally {
            if (completed) {
                call(() -> s3.deleteObject(b -> b.bucket(bucket).key(temporary)));
            } else {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(temporary).uploadId(uploadId));
                } catch (SdkException e) {
                    // The upload failed already; its parts expire with the bucket's lifecycle rule.
                }
            }
        }
    }

    @Override
    public Optional<InputStream> open(BlobKey key) throws IOException {
        try {
            return Optional.of(call(() -> s3.getObject(b -> b.bucket(bucket).key(key.value()))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Long> size(BlobKey key) throws IOException {
        try {
            return Optional.of(call(() -> s3.headObject(b -> b.bucket(bucket).key(key.value())))
                    .contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(BlobKey key) throws IOException {
        if (size(key).isEmpty()) {
            return false;
        }
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key.value())));
        return true;
    }

    @Override
    public Optional<URI> presignedDownload(BlobKey key, Duration ttl, String contentType, String contentDisposition) {
        if (presigner == null) {
            return Optional.empty();
        }
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(bucket)
                        .key(key.value())
                        .responseContentType(contentType)
                        .responseContentDisposition(contentDisposition)));
        try {
            return Optional.of(presigned.url().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned an invalid URL", e);
        }
    }

    @Override
    public String describe() {
        return "bucket " + bucket + " of " + (endpoint == null ? "AWS S3" : endpoint.toString());
    }

    @Override
    public void close() {
        s3.close();
        if (presigner != null) {
            presigner.close();
        }
    }

    @Override
    public void check() throws IOException {
        call(() -> s3.headBucket(b -> b.bucket(bucket)));
    }

    private PutObjectRequest.Builder encrypted(PutObjectRequest.Builder request) {
        return encryption == null
                ? request
                : request.serverSideEncryption(encryption).ssekmsKeyId(kmsKeyId);
    }

    private static RequestBody body(byte[] buffer, int length) {
        // A stream over the buffer, not fromBytes: that would copy the whole part once more.
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length);
    }

    private static boolean more(PushbackInputStream in) throws IOException {
        int next = in.read();
        if (next < 0) {
            return false;
        }
        in.unread(next);
        return true;
    }

    /** Runs one request; a missing key stays {@link NoSuchKeyException}, any other failure is an IOException. */
    private static <T> T call(Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
                throw NoSuchKeyException.builder()
                        .message("no such key")
                        .statusCode(404)
                        .build();
            }
            throw new IOException("the object store refused a request (" + e.statusCode() + " " + code(e) + ")", e);
        } catch (SdkException e) {
            throw new IOException("the object store could not be reached", e);
        }
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }
}
