package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.HostileFiles;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile files as a tenant sends them, at the default budgets: each is refused (or has no
 * thumbnail) within seconds, a failed thumbnail is remembered, and meanwhile another organization's
 * requests stay fast. The files are made in the test, a few megabytes at most.
 */
class DecodingBudgetIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";
    /** Generous: the point is seconds instead of tens of seconds, not tight timing on a shared machine. */
    static final Duration QUICK = Duration.ofSeconds(5);

    static final Duration FAST = Duration.ofSeconds(2);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecodingPool pool;

    @Autowired
    DocumentProperties properties;

    Http http;
    TestOrganization acme;
    long patientId;
    Neighbour neighbour;

    @BeforeEach
    void organizations() {
        http = http();
        acme = newOrganization();
        patientId = TestPatients.create(http, acme, "123456", "Jane", "Doe");
        neighbour = new Neighbour(http, newOrganization());
    }

    @AfterEach
    void stopNeighbour() throws Exception {
        neighbour.close();
    }

    @Test
    void aFlateBombIsRefusedWithinSecondsOnEveryContract() {
        byte[] bomb = HostileFiles.pdfInflatingTo(1L << 30);
        assertThat(bomb.length).isLessThan(2 << 20);
        String refusal = "decompresses to more than 64 MB";
        neighbour.start();

        var upload = timed(() -> http.post(
                UPLOAD,
                new Multipart()
                        .file("file", "bomb.pdf", "application/pdf", bomb)
                        .field("teamId", acme.id())
                        .field("groupId", "default")
                        .field("anonymize", "false"),
                acme.bearer()));
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.json().get("error").asString()).isEqualTo("invalid_file_type");
        assertThat(upload.json().get("message").asString()).contains(refusal);

        var patientPdf = timed(() -> http.post(
                "/patients/" + patientId + "/pdf",
                new Multipart()
                        .file("file", "bomb.pdf", "application/pdf", bomb)
                        .field("filename", "bomb.pdf"),
                acme.apiKey()));
        assertThat(patientPdf.status()).isEqualTo(400);
        assertThat(patientPdf.json().get("detail").asString()).contains(refusal);

        var attachments = timed(() -> http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "bomb.pdf", "application/pdf", bomb),
                acme.tenant()));
        assertThat(attachments.status()).isEqualTo(422);
        assertThat(attachments.text()).contains(refusal);

        var document = http.post(
                "/v1/documents",
                new Multipart()
                        .field("folder_name", "Referrals")
                        .field("patient_mrn", "123456")
                        .file("document", "bomb.pdf", "application/pdf", bomb),
                acme.clientCredentials());
        assertThat(document.status()).isEqualTo(200);
        String id = document.json().get("document_id").asString();
        await().atMost(QUICK.multipliedBy(2)).untilAsserted(() -> {
            var stored = http.get("/v1/documents/" + id, acme.apiKey()).json();
            assertThat(stored.get("status").asString()).isEqualTo("failed");
            assertThat(stored.get("failureReason").asString()).contains(refusal);
        });

        var health = timed(() -> http.get("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        neighbour.assertStayedFast();
    }

    @Test
    void aPdfDrawingAHugeImageHasNoThumbnailAndItsFailureIsRemembered() throws Exception {
        byte[] pdf = HostileFiles.pdfDrawingImage(26000, 26000, 1 << 16);
        neighbour.start();
        var stored = timed(() -> http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "scan.pdf", "application/pdf", pdf),
                acme.tenant()));
        assertThat(stored.status()).isEqualTo(200);
        var attachment = stored.json().get("attachments").get(0);
        String thumbnailUrl = attachment.get("thumbnailSignedUrl").asString();

        // Four at once, as the hostile tenant did: each answers like a document without a thumbnail.
        try (var clients = Executors.newFixedThreadPool(4)) {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> timed(() -> http.get(thumbnailUrl))));
            }
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(404);
                assertThat(answer.get().json().get("error").asString()).isEqualTo("no_thumbnail");
            }
        }
        assertThat(thumbnailFailure(attachment.get("id").asString())).contains("26000×26000 pixels");
        // Remembered: later requests answer at once, without decoding again.
        var again = timed(() -> http.get(thumbnailUrl), FAST);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asString()).isEqualTo("no_thumbnail");
        neighbour.assertStayedFast();
    }

    @Test
    void aTruncatedPngDeclaringHugeDimensionsIsRefusedByItsHeader() {
        byte[] png = HostileFiles.truncatedPng(46000, 46000, 2 << 20);
        neighbour.start();
        var attachments = timed(
                () -> http.post(
                        "/attachments/bulk",
                        new Multipart()
                                .field("patient_id", Long.toString(patientId))
                                .file("attachments", "photo.png", "image/png", png),
                        acme.tenant()),
                FAST);
        assertThat(attachments.status()).isEqualTo(422);
        assertThat(attachments.text()).contains("46000×46000 pixels, more than the 50 megapixels allowed");

        var document = timed(
                () -> http.post(
                        "/v1/documents",
                        new Multipart()
                                .field("folder_name", "Photos")
                                .field("patient_mrn", "123456")
                                .file("document", "photo.png", "image/png", png),
                        acme.clientCredentials()),
                FAST);
        assertThat(document.status()).isEqualTo(400);
        assertThat(document.json().get("error").asString()).isEqualTo("invalid_file");
        assertThat(document.json().get("message").asString()).contains("46000×46000 pixels");
        neighbour.assertStayedFast();
    }

    @Test
    void whileEveryDecodingThreadIsBusyRequestsAre503WithRetryAfterInTheirContractsShape() throws Exception {
        // A picture stored while the decoding threads are free; its thumbnail is asked for while they are not.
        var photo = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "photo.png", "image/png", TestFiles.png(64, 64)),
                acme.tenant());
        assertThat(photo.status()).isEqualTo(200);
        String photoId = photo.json().get("attachments").get(0).get("id").asString();
        await().atMost(QUICK)
                .until(() -> jdbc.sql("select thumbnail_key from document where organization_id = ? and id = ?")
                        .param(acme.id())
                        .param(photoId)
                        .query(String.class)
                        .optional()
                        .isPresent());
        jdbc.sql("update document set thumbnail_key = null where organization_id = ? and id = ?")
                .param(acme.id())
                .param(photoId)
                .update();
        byte[] pdf = TestFiles.pdf("Lab report for Jane Doe");

        var release = new CountDownLatch(1);
        int threads = properties.decodingThreadCount();
        var started = new CountDownLatch(threads);
        try (var holders = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                holders.submit(() -> pool.run(() -> {
                    started.countDown();
                    release.await();
                    return null;
                }));
            }
            started.await();
            String retryAfter = Long.toString(properties.decodingTimeout().toSeconds());
            try {
                var upload = http.post(
                        UPLOAD,
                        new Multipart()
                                .file("file", "lab.pdf", "application/pdf", pdf)
                                .field("teamId", acme.id())
                                .field("groupId", "default")
                                .field("anonymize", "false"),
                        acme.bearer());
                assertThat(upload.status()).isEqualTo(503);
                assertThat(upload.header("Retry-After")).isEqualTo(retryAfter);
                assertThat(upload.json().get("success").asBoolean()).isFalse();
                assertThat(upload.json().get("error").asString()).isEqualTo("service_unavailable");

                var patientPdf = http.post(
                        "/patients/" + patientId + "/pdf",
                        new Multipart()
                                .file("file", "lab.pdf", "application/pdf", pdf)
                                .field("filename", "lab.pdf"),
                        acme.apiKey());
                assertThat(patientPdf.status()).isEqualTo(503);
                assertThat(patientPdf.header("Retry-After")).isEqualTo(retryAfter);
                assertThat(patientPdf.json().get("detail").asString()).contains("busy");

                var attachments = http.post(
                        "/attachments/bulk",
                        new Multipart()
                                .field("patient_id", Long.toString(patientId))
                                .file("attachments", "lab.pdf", "application/pdf", pdf),
                        acme.tenant());
                assertThat(attachments.status()).isEqualTo(503);
                assertThat(attachments.header("Retry-After")).isEqualTo(retryAfter);
                assertThat(attachments.json().get("detail").asString()).contains("busy");

                String thumbnailUrl = http.get("/v1/documents/" + photoId, acme.apiKey())
                        .json()
                        .get("thumbnailUrl")
                        .asString();
                var thumbnail = http.get(thumbnailUrl);
                assertThat(thumbnail.status()).isEqualTo(503);
                assertThat(thumbnail.header("Retry-After")).isEqualTo(retryAfter);
                assertThat(thumbnail.json().get("error").asString()).isEqualTo("busy");

                // Nothing was stored, and being busy is no thumbnail failure.
                assertThat(jdbc.sql("select count(*) from document where organization_id = ?")
                                .param(acme.id())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
                assertThat(thumbnailFailure(photoId)).isNull();
            } finally {
                release.countDown();
            }
            String thumbnailUrl = http.get("/v1/documents/" + photoId, acme.apiKey())
                    .json()
                    .get("thumbnailUrl")
                    .asString();
            assertThat(http.get(thumbnailUrl).status()).isEqualTo(200);
        }
    }

    String thumbnailFailure(String documentId) {
        return jdbc.sql("select thumbnail_failure from document where organization_id = ? and id = ?")
                .param(acme.id())
                .param(documentId)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1)))
                .single()
                .orElse(null);
    }

    static Http.Response timed(Supplier<Http.Response> request) {
        return timed(request, QUICK);
    }

    static Http.Response timed(Supplier<Http.Response> request, Duration within) {
        long start = System.nanoTime();
        var response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("answered within %s: %s", within, response)
                .isLessThan(within);
        return response;
    }

    /** Another organization reading its groups over and over while the hostile files are handled. */
    static final class Neighbour implements AutoCloseable {

        private final Http http;
        private final TestOrganization organization;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong slowest = new AtomicLong();
        private final AtomicLong requests = new AtomicLong();
        private Thread thread;

        Neighbour(Http http, TestOrganization organization) {
            this.http = http;
            this.organization = organization;
        }

        void start() {
            thread = Thread.ofPlatform().name("neighbour").start(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    var groups = http.get("/v1/groups", organization.apiKey());
                    slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    requests.incrementAndGet();
                    if (groups.status() != 200) {
                        slowest.set(Long.MAX_VALUE);
                    }
                }
            });
        }

        void assertStayedFast() {
            assertThat(requests.get()).isPositive();
            assertThat(Duration.ofNanos(slowest.get()))
                    .as("slowest GET /v1/groups of another organization")
                    .isLessThan(FAST);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join();
            }
        }
    }
}
