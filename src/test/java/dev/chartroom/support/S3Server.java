package dev.chartroom.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server on 127.0.0.1 inside the test JVM: S3Proxy over jclouds' file-system
 * backend in a folder of its own, with one bucket and AWS v4 signatures checked against a fixed key
 * pair. Close it to stop it.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "chartroom-test-access";
    public static final String SECRET_KEY = "chartroom-test-secret-0123456789";
    public static final String BUCKET = "chartroom";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path folder;

    private S3Server(S3Proxy proxy, BlobStoreContext context, Path folder) {
        this.proxy = proxy;
        this.context = context;
        this.folder = folder;
    }

    public static S3Server start() {
        Path folder = ApplicationTest.temporaryFolder();
        var overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", folder.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(overrides)
                .build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!"STARTED".equals(proxy.getState())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("could not start S3Proxy", e);
        }
        return new S3Server(proxy, context, folder);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Where the backend keeps the bucket's objects, one file each. */
    public Path bucketFolder() {
        return folder.resolve(BUCKET);
    }

    /** The settings that point a Chartroom at this server. */
    public Map<String, String> settings() {
        return Map.of(
                "chartroom.storage.type",
                "s3",
                "chartroom.storage.s3.endpoint",
                endpoint().toString(),
                "chartroom.storage.s3.region",
                "us-east-1",
                "chartroom.storage.s3.bucket",
                BUCKET,
                "chartroom.storage.s3.access-key",
                ACCESS_KEY,
                "chartroom.storage.s3.secret-key",
                SECRET_KEY,
                "chartroom.storage.s3.path-style-access",
                "true");
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            context.close();
        }
    }
}
