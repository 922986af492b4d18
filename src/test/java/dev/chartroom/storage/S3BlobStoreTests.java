package dev.chartroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartroom.support.S3Server;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 blob store against a real S3 server (S3Proxy on 127.0.0.1, file-system backend). */
class S3BlobStoreTests {

    private static final int PART = 5 * 1024 * 1024; // the smallest part S3 allows

    private static S3Server server;
    private static S3Client client;
    private static S3BlobStore store;

    @BeforeAll
    static void startServer() {
        server = S3Server.start();
        client = client(server.endpoint());
        var presigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .credentialsProvider(credentials())
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        store = new S3BlobStore(client, presigner, S3Server.BUCKET, PART, null, null, server.endpoint());
    }

    @AfterAll
    static void stopServer() {
        store.close();
        server.close();
    }

    @Test
    void storesByContentPerOrganization() throws IOException {
        byte[] content = "%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII);

        var stored = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(content));
        var again = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(content));
        var elsewhere = store.put(OrganizationId.of("other"), new ByteArrayInputStream(content));

        assertThat(stored.key().value()).isEqualTo("acme/" + Sha256.hex(content));
        assertThat(stored.sha256()).isEqualTo(stored.key().sha256());
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(again.key()).isEqualTo(stored.key());
        assertThat(elsewhere.key().organizationId()).isEqualTo(OrganizationId.of("other"));
        try (InputStream read = store.open(stored.key()).orElseThrow()) {
            assertThat(read.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.size(stored.key())).contains((long) content.length);
        assertThat(objectKeys()).contains(stored.key().value(), elsewhere.key().value());
    }

    @Test
    void anEmptyFileIsABlobToo() throws IOException {
        var stored = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(new byte[0]));
        assertThat(stored.size()).isZero();
        assertThat(store.size(stored.key())).contains(0L);
    }

    @Test
    void aLargeFileGoesInPartsAndComesBackWhole() throws IOException {
        // Two and a half parts, generated and checked as streams: neither side holds the file.
        long size = 2L * PART + PART / 2;
        var sent = new DigestInputStream(new Noise(size, 7), Sha256.newDigest());

        var stored = store.put(OrganizationId.of("acme"), sent);

        String expected = HexFormat.of().formatHex(sent.getMessageDigest().digest());
        assertThat(stored.sha256()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(size);
        assertThat(store.size(stored.key())).contains(size);
        try (var read = new DigestInputStream(store.open(stored.key()).orElseThrow(), Sha256.newDigest())) {
            assertThat(read.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(size);
            assertThat(HexFormat.of().formatHex(read.getMessageDigest().digest()))
                    .isEqualTo(expected);
        }
        assertThat(objectKeys()).as("the temporary object is gone").noneMatch(k -> k.startsWith(S3BlobStore.INCOMING));
    }

    @Test
    void exactlyOnePartIsOneObject() throws IOException {
        var stored = store.put(OrganizationId.of("acme"), new Noise(PART, 3));
        assertThat(store.size(stored.key())).contains((long) PART);
        assertThat(objectKeys()).noneMatch(k -> k.startsWith(S3BlobStore.INCOMING));
    }

    @Test
    void aFailedWriteLeavesNothingVisible() {
        InputStream failing = new Noise(3L * PART, 11) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > PART + PART / 2) {
                    throw new IOException("client went away");
                }
                return super.read(b, off, len);
            }
        };
        var before = objectKeys();

        assertThatThrownBy(() -> store.put(OrganizationId.of("failing"), failing))
                .isInstanceOf(IOException.class);

        assertThat(objectKeys()).isEqualTo(before);
        assertThat(client.listMultipartUploads(b -> b.bucket(S3Server.BUCKET)).uploads())
                .as("the upload is aborted")
                .isEmpty();
    }

    @Test
    void serverSideEncryptionIsAskedForOnEveryWrite() {
        // S3Proxy implements no server-side encryption and refuses the header (501), which shows it is
        // sent, and that a store without it fails the write clearly instead of storing in the clear.
        Map<String, String> sent = new ConcurrentHashMap<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest()
                        .firstMatchingHeader("x-amz-server-side-encryption")
                        .ifPresent(value ->
                                sent.put(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), value));
            }
        };
        var recording = client(server.endpoint(), recorder);
        try (var encrypting =
                new S3BlobStore(recording, null, S3Server.BUCKET, PART, "AES256", null, server.endpoint())) {
            assertThatThrownBy(() ->
                            encrypting.put(OrganizationId.of("sse"), new ByteArrayInputStream(new byte[] {1, 2, 3})))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("501 NotImplemented");
            assertThatThrownBy(() -> encrypting.put(OrganizationId.of("sse"), new Noise(PART + 1, 5)))
                    .isInstanceOf(IOException.class);
        }
        assertThat(sent).containsEntry("PutObject", "AES256").containsEntry("CreateMultipartUpload", "AES256");
    }

    @Test
    void missingBlobsAreEmptyAndDeletesAreReported() throws IOException {
        BlobStoreContract.missingBlobsAreEmptyAndDeletesAreReported(store);
    }

    @Test
    void aPresignedUrlDownloadsTheBlobWithItsTypeAndName() throws Exception {
        byte[] content = "presigned content".getBytes(StandardCharsets.US_ASCII);
        var stored = store.put(OrganizationId.of("acme"), new ByteArrayInputStream(content));

        URI url = store.presignedDownload(
                        stored.key(), Duration.ofMinutes(5), "application/pdf", "attachment; filename=\"note.pdf\"")
                .orElseThrow();
        var response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"note.pdf\"");
        var tampered = URI.create(url.toString().replace(stored.key().sha256(), "b".repeat(64)));
        assertThat(HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void withoutPresigningNoStoreUrlIsHandedOut() {
        var plain = new S3BlobStore(client, null, S3Server.BUCKET, PART, null, null, server.endpoint());
        assertThat(plain.presignedDownload(
                        BlobKey.of(OrganizationId.of("acme"), "c".repeat(64)),
                        Duration.ofMinutes(1),
                        "text/plain",
                        "inline"))
                .isEmpty();
    }

    @Test
    void anUnreachableStoreIsAnIOException() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var away = new S3BlobStore(
                client(URI.create("http://127.0.0.1:" + closedPort)), null, S3Server.BUCKET, PART, null, null, null)) {
            assertThatThrownBy(() -> away.put(OrganizationId.of("acme"), new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("could not be reached");
            assertThatThrownBy(() -> away.open(BlobKey.of(OrganizationId.of("acme"), "a".repeat(64))))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aWrongSecretIsAnIOException() {
        var wrong = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, "wrong")))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        try (var refused = new S3BlobStore(wrong, null, S3Server.BUCKET, PART, null, null, server.endpoint())) {
            assertThatThrownBy(() -> refused.size(BlobKey.of(OrganizationId.of("acme"), "a".repeat(64))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("refused");
        }
    }

    private static List<String> objectKeys() {
        return client.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
    }

    private static S3Client client(URI endpoint, ExecutionInterceptor... interceptors) {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .credentialsProvider(credentials())
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(
                        o -> o.retryStrategy(r -> r.maxAttempts(1)).executionInterceptors(List.of(interceptors)))
                .build();
    }

    /** Deterministic pseudo-random bytes of a given length, made as they are read. */
    static class Noise extends InputStream {
        private final long size;
        private final Random random;
        private long position;

        Noise(long size, long seed) {
            this.size = size;
            this.random = new Random(seed);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(size - position, 64 * 1024));
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            position += n;
            return n;
        }
    }
}
