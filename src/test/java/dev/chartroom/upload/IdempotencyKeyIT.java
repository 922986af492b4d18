package dev.chartroom.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A POST retried with the same Idempotency-Key gets the first answer and ingests nothing twice; the
 * same key with a different request is refused (422) in the contract's shape and ingests nothing.
 */
class IdempotencyKeyIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";

    Multipart note(TestOrganization org, String text) {
        return new Multipart()
                .file("file", "note.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8))
                .field("teamId", org.id())
                .field("groupId", "default");
    }

    static String[] with(String[] headers, String... more) {
        return Stream.concat(Arrays.stream(headers), Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void aRetryOfTheSameFormReplaysTheFirstAnswer() {
        TestOrganization acme = newOrganization();
        var http = http();

        // Each send has a multipart envelope of its own (a new boundary), as a real client's retry has.
        var first = http.post(
                UPLOAD,
                note(acme, "Patient: Ana Ruiz\nMRN: 1001\n"),
                "Authorization",
                "Bearer " + acme.key(),
                "Idempotency-Key",
                "retry-1");
        var retry = http.post(
                UPLOAD,
                note(acme, "Patient: Ana Ruiz\nMRN: 1001\n"),
                "Authorization",
                "Bearer " + acme.key(),
                "Idempotency-Key",
                "retry-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get("/v1/uploads", acme.bearer()).json().get("data")).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherFileOrFieldIsRefusedAndIngestsNothing() {
        TestOrganization acme = newOrganization();
        var http = http();
        http.postJson("/v1/groups", "{\"id\":\"second\",\"name\":\"Second\"}", acme.bearer());
        var first = http.post(
                UPLOAD, note(acme, "Patient: Ana Ruiz\nMRN: 1001\n"), with(acme.bearer(), "Idempotency-Key", "k-1"));

        var otherFile = http.post(
                UPLOAD, note(acme, "Patient: Bo Li\nMRN: 1002\n"), with(acme.bearer(), "Idempotency-Key", "k-1"));
        var otherName = http.post(
                UPLOAD,
                new Multipart()
                        .file(
                                "file",
                                "other.txt",
                                "text/plain",
                                "Patient: Ana Ruiz\nMRN: 1001\n".getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                with(acme.bearer(), "Idempotency-Key", "k-1"));
        var otherField = http.post(
                UPLOAD,
                new Multipart()
                        .file(
                                "file",
                                "note.txt",
                                "text/plain",
                                "Patient: Ana Ruiz\nMRN: 1001\n".getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "second"),
                with(acme.bearer(), "Idempotency-Key", "k-1"));

        assertThat(first.status()).isEqualTo(200);
        for (var refused : List.of(otherFile, otherName, otherField)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("success").asBoolean()).isFalse();
            assertThat(refused.json().get("error").asString()).isEqualTo("idempotency_key_reused");
        }
        assertThat(http.get("/v1/uploads", acme.bearer()).json().get("data")).hasSize(1);
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).hasSize(1);
        // The first request is still replayed to its own retry.
        var retry = http.post(
                UPLOAD, note(acme, "Patient: Ana Ruiz\nMRN: 1001\n"), with(acme.bearer(), "Idempotency-Key", "k-1"));
        assertThat(retry.text()).isEqualTo(first.text());
    }

    @Test
    void eachContractRefusesAReusedKeyInItsOwnShape() {
        TestOrganization acme = newOrganization();
        var http = http();
        long patientId = TestPatients.create(http, acme, "mrn-idem", "Ana", "Ruiz");
        byte[] one = TestFiles.pdf("first");
        byte[] two = TestFiles.pdf("second");

        var pdf = List.of(
                http.post(
                        "/patients/" + patientId + "/pdf",
                        new Multipart()
                                .file("file", "a.pdf", "application/pdf", one)
                                .field("filename", "a.pdf"),
                        with(acme.apiKey(), "Idempotency-Key", "pdf-1")),
                http.post(
                        "/patients/" + patientId + "/pdf",
                        new Multipart()
                                .file("file", "a.pdf", "application/pdf", two)
                                .field("filename", "a.pdf"),
                        with(acme.apiKey(), "Idempotency-Key", "pdf-1")));
        assertThat(pdf.get(0).status()).isEqualTo(201);
        assertThat(pdf.get(1).status()).isEqualTo(422);
        assertThat(pdf.get(1).json().get("detail").asString()).contains("Idempotency-Key");

        var attachments = List.of(
                http.post(
                        "/attachments/bulk",
                        new Multipart()
                                .field("patient_id", Long.toString(patientId))
                                .file("attachments", "a.pdf", "application/pdf", one),
                        with(acme.tenant(), "Idempotency-Key", "att-1")),
                http.post(
                        "/attachments/bulk",
                        new Multipart()
                                .field("patient_id", Long.toString(patientId))
                                .file("attachments", "a.pdf", "application/pdf", two),
                        with(acme.tenant(), "Idempotency-Key", "att-1")));
        assertThat(attachments.get(0).status()).isEqualTo(200);
        assertThat(attachments.get(1).status()).isEqualTo(422);
        assertThat(attachments.get(1).json().get("detail").get(0).get("type").asString())
                .isEqualTo("idempotency_key_reused");

        var csv = List.of(
                http.post(
                        "/api/v1/csv",
                        new Multipart()
                                .field("type", "medications")
                                .file(
                                        "file",
                                        "meds.csv",
                                        "text/csv",
                                        "PatientRecordId,MedicationName\n1,aspirin\n".getBytes(StandardCharsets.UTF_8)),
                        with(acme.apiKey(), "Idempotency-Key", "csv-1")),
                http.post(
                        "/api/v1/csv",
                        new Multipart()
                                .field("type", "consult-notes")
                                .file(
                                        "file",
                                        "meds.csv",
                                        "text/csv",
                                        "PatientRecordId,MedicationName\n1,aspirin\n".getBytes(StandardCharsets.UTF_8)),
                        with(acme.apiKey(), "Idempotency-Key", "csv-1")));
        assertThat(csv.get(1).status()).isEqualTo(422);
        assertThat(csv.get(1).json().get("error").asString()).isEqualTo("idempotency_key_reused");

        var documents = List.of(
                http.post(
                        "/v1/documents",
                        document("mrn-idem", one),
                        with(acme.clientCredentials(), "Idempotency-Key", "doc-1")),
                http.post(
                        "/v1/documents",
                        document("mrn-idem", two),
                        with(acme.clientCredentials(), "Idempotency-Key", "doc-1")));
        assertThat(documents.get(0).status()).isEqualTo(200);
        assertThat(documents.get(1).status()).isEqualTo(422);
        assertThat(documents.get(1).json().get("error").asString()).isEqualTo("idempotency_key_reused");

        var nativeApi = List.of(
                http.postJson(
                        "/v1/groups", "{\"id\":\"g-1\",\"name\":\"G\"}", with(acme.bearer(), "Idempotency-Key", "g-1")),
                http.postJson(
                        "/v1/groups", "{\"id\":\"g-1\",\"name\":\"G\"}", with(acme.bearer(), "Idempotency-Key", "g-1")),
                http.postJson(
                        "/v1/groups",
                        "{\"id\":\"g-2\",\"name\":\"G\"}",
                        with(acme.bearer(), "Idempotency-Key", "g-1")));
        assertThat(nativeApi.get(0).status()).isEqualTo(201);
        assertThat(nativeApi.get(1).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(nativeApi.get(2).status()).isEqualTo(422);
        assertThat(nativeApi.get(2).json().get("error").asString()).isEqualTo("idempotency_key_reused");
        assertThat(http.get("/v1/groups", acme.bearer()).json().get("data").toString())
                .doesNotContain("g-2");
    }

    static Multipart document(String mrn, byte[] pdf) {
        return new Multipart()
                .field("folder_name", "Labs")
                .field("patient_mrn", mrn)
                .file("document", "lab.pdf", "application/pdf", pdf);
    }

    @Test
    void identicalRetriesAtOnceIngestOnce() throws Exception {
        TestOrganization acme = newOrganization();
        var http = http();
        var answers = new java.util.concurrent.ConcurrentLinkedQueue<Http.Response>();
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                executor.submit(() -> answers.add(http.post(
                        UPLOAD,
                        note(acme, "Patient: Ana Ruiz\nMRN: 1009\n"),
                        with(acme.bearer(), "Idempotency-Key", "burst-1"))));
            }
        }

        assertThat(answers)
                .hasSize(6)
                .allSatisfy(answer -> assertThat(answer.status()).isIn(200, 409));
        assertThat(answers.stream()
                        .filter(a -> a.status() == 200)
                        .map(Http.Response::text)
                        .distinct())
                .hasSize(1);
        assertThat(http.get("/v1/uploads", acme.bearer()).json().get("data")).hasSize(1);
    }

    @Test
    void keysBelongToOneOrganizationAndOneRequest() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        var http = http();
        http.post(
                UPLOAD,
                note(acme, "Patient: Ana Ruiz\nMRN: 1002\n"),
                "Authorization",
                "Bearer " + acme.key(),
                "Idempotency-Key",
                "shared-key");

        var elsewhere = http.post(
                UPLOAD,
                note(other, "Patient: Bo Li\nMRN: 2002\n"),
                "Authorization",
                "Bearer " + other.key(),
                "Idempotency-Key",
                "shared-key");
        var anotherPath = http.postJson(
                "/v1/groups",
                "{\"id\":\"g-1\",\"name\":\"G\"}",
                "Authorization",
                "Bearer " + acme.key(),
                "Idempotency-Key",
                "shared-key");

        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.header("Idempotent-Replayed")).isNull();
        assertThat(http.get("/v1/uploads", other.bearer()).json().get("data")).hasSize(1);
        assertThat(anotherPath.status()).isEqualTo(422);
        assertThat(http.get("/v1/groups", acme.bearer()).json().get("data")).hasSize(1);
    }

    @Test
    void refusalsAreReplayedButNotForStrangers() {
        TestOrganization acme = newOrganization();
        var http = http();

        var refused = http.postJson("/v1/groups", "{\"id\":\"\"}", "X-API-Key", acme.key(), "Idempotency-Key", "bad-1");
        var again = http.postJson("/v1/groups", "{\"id\":\"\"}", "X-API-Key", acme.key(), "Idempotency-Key", "bad-1");
        var anonymous = http.postJson("/v1/groups", "{\"id\":\"g\",\"name\":\"G\"}", "Idempotency-Key", "bad-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
