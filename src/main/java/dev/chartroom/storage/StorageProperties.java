package dev.chartroom.storage;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where blobs live ({@code chartroom.storage.*}).
 *
 * @param type {@code filesystem} (files under {@code <data-dir>/blobs}, which every node
 *             must mount when several share a database) or {@code s3} (any S3-compatible object store)
 * @param s3   the object store, when {@code type} is {@code s3}
 */
@ConfigurationProperties("chartroom.storage")
record StorageProperties(
        @DefaultValue("filesystem") String type,
        @DefaultValue S3 s3) {

    public StorageProperties {
        if (!type.equals("filesystem") && !type.equals("s3")) {
            throw new IllegalArgumentException("chartroom.storage.type must be filesystem or s3, not '" + type + "'");
        }
    }

    boolean s3Selected() {
        return type.equals("s3");
    }

    /**
     * An S3-compatible object store.
     *
     * @param endpoint             its URL ({@code http://minio:9000}, {@code https://<account>.r2.cloudflarestorage.com});
     *                             unset: AWS S3 of the region
     * @param region               the signing region ({@code us-east-1} is what MinIO and Ceph expect;
     *                             R2 wants {@code auto})
     * @param bucket               the bucket, which must exist; required
     * @param accessKey            the access key id; unset: the AWS default credential chain (environment,
     *                             profile, container or instance role)
     * @param secretKey            the secret access key, with {@code access-key}; never logged
     * @param pathStyleAccess      {@code http://host/bucket/key} instead of {@code http://bucket.host/key};
     *                             MinIO, Ceph and S3Proxy usually need true
     * @param presign              hand out the store's own presigned URLs for downloads (they bypass
     *                             Chartroom and are not audited) instead of Chartroom's signed URLs,
     *                             which any node serves and audits
     * @param serverSideEncryption {@code AES256} or {@code aws:kms} to have the store encrypt every object;
     *                             unset: the bucket's default
     * @param kmsKeyId             the KMS key of {@code aws:kms}; unset: the store's default key
     * @param partSize             files larger than this are sent in parts of this size (multipart upload,
     *                             one part in memory at a time per upload); at least 5MB
     */
    public record S3(
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("false") boolean pathStyleAccess,
            @DefaultValue("false") boolean presign,
            String serverSideEncryption,
            String kmsKeyId,
            @DefaultValue("8MB") DataSize partSize) {

        public S3 {
            if (partSize.toBytes() < DataSize.ofMegabytes(5).toBytes()
                    || partSize.toBytes() > DataSize.ofGigabytes(1).toBytes()) {
                throw new IllegalArgumentException("chartroom.storage.s3.part-size must be between 5MB and 1GB");
            }
            if (isSet(serverSideEncryption)
                    && !serverSideEncryption.equals("AES256")
                    && !serverSideEncryption.equals("aws:kms")) {
                throw new IllegalArgumentException(
                        "chartroom.storage.s3.server-side-encryption must be AES256 or aws:kms");
            }
            if (isSet(accessKey) != isSet(secretKey)) {
                throw new IllegalArgumentException("chartroom.storage.s3.access-key and secret-key go together");
            }
        }

        static boolean isSet(String value) {
            return value != null && !value.isBlank();
        }
    }
}
