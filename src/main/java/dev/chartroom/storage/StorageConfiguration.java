package dev.chartroom.storage;

import dev.chartroom.DataFolder;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The blob store {@code chartroom.storage.type} selects: files under {@code <data-dir>/blobs}, or
 * objects of an S3-compatible bucket.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    BlobStore blobStore(StorageProperties properties, DataFolder dataFolder) throws IOException {
        if (!properties.s3Selected()) {
            return new FileSystemBlobStore(dataFolder.root().resolve("blobs"));
        }
        var settings = properties.s3();
        if (!StorageProperties.S3.isSet(settings.bucket())) {
            throw new IllegalArgumentException("chartroom.storage.type=s3 needs chartroom.storage.s3.bucket");
        }
        AwsCredentialsProvider credentials = StorageProperties.S3.isSet(settings.accessKey())
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        var serviceConfiguration = S3Configuration.builder()
                .pathStyleAccessEnabled(settings.pathStyleAccess())
                .build();
        var client = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfiguration)
                // Checksums only where the API demands them: many S3-compatible stores (older MinIO,
                // Ceph, R2, S3Proxy) refuse the SDK's default trailing checksums. Each blob's SHA-256
                // is checked by its key anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        S3Presigner presigner = null;
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
        }
        if (settings.presign()) {
            var builder = S3Presigner.builder()
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials)
                    .serviceConfiguration(serviceConfiguration);
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            presigner = builder.build();
        }
        var store = new S3BlobStore(
                client.build(),
                presigner,
                settings.bucket(),
                (int) settings.partSize().toBytes(),
                settings.serverSideEncryption(),
                settings.kmsKeyId(),
                settings.endpoint());
        log.info("Blobs are stored in {}", store.describe());
        return store;
    }
}
