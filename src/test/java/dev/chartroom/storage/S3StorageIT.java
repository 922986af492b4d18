package dev.chartroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.S3Server;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on an S3 store with {@code presign=true}: files land in the bucket, not the data
 * folder, and download links are the store's presigned URLs, which the store itself answers.
 */
class S3StorageIT extends ApplicationTest {

    static final S3Server S3 = S3Server.start();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("chartroom.storage.s3.presign", () -> "true");
    }

    @AfterAll
    static void stop() {
        S3.close();
    }

    @Test
    void filesGoToTheBucketAndLinksArePresignedByTheStore() throws Exception {
        Http http = http();
        TestOrganization acme = newOrganization();
        long patient = TestPatients.create(http, acme, "S3-1", "Sam", "Bucket");
        byte[] pdf = TestFiles.pdf("Patient: Sam Bucket", "Stored in S3");

        var created = http.post(
                "/patients/" + patient + "/pdf",
                new Multipart().file("file", "scan.pdf", "application/pdf", pdf).field("filename", "scan.pdf"),
                acme.apiKey());

        assertThat(created.status()).isEqualTo(201);
        String url = created.json().get("url").asString();
        assertThat(url)
                .startsWith(S3.endpoint() + "/" + S3Server.BUCKET + "/" + acme.id() + "/")
                .contains("X-Amz-Signature=");
        var download = http.get(url);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("inline").contains("scan.pdf");
        // The data folder is shared by every test context in this JVM; this organization has nothing in it.
        assertThat(Files.exists(DATA_DIR.resolve("blobs").resolve(acme.id())))
                .as("nothing in the data folder")
                .isFalse();
        try (var objects = Files.list(S3.bucketFolder().resolve(acme.id()))) {
            assertThat(objects).isNotEmpty();
        }

        // The thumbnail is presigned too once its job has made it; a changed signature opens nothing.
        String id = created.json().get("id").asString();
        String thumbnail = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get("/v1/documents/" + id, acme.apiKey())
                                .json()
                                .get("thumbnailUrl")
                                .asString(),
                        link -> link.startsWith(S3.endpoint().toString()));
        var png = http.get(thumbnail);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(http.get(url.replaceFirst("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=g"))
                        .status())
                .isEqualTo(403);
    }
}
