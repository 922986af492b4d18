package dev.chartroom.intake.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import dev.chartroom.webhook.Verification;
import dev.chartroom.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The document-by-MRN contract (seeds/upload-document.txt): the answer, then its webhook, at a real receiver. */
class DocumentUploadIT extends ApplicationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    final WebhookReceiver receiver = new WebhookReceiver();
    TestOrganization acme;
    Http http;
    String secret;
    long patientId;

    @BeforeEach
    void organization() {
        http = http();
        acme = newOrganization();
        patientId = TestPatients.create(http, acme, "123456", "Jane", "Doe");
        secret = http.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer())
                .json()
                .get("secret")
                .asString();
        http.postJson("/v1/staff", "{\"id\":\"staff-7\",\"name\":\"Dana Scully\"}", acme.bearer());
        http.postJson("/v1/staff", "{\"id\":\"staff-8\",\"name\":\"Former Staff\",\"active\":false}", acme.bearer());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    Multipart form(String folder, String mrn, String fileName, byte[] document) {
        return new Multipart()
                .field("folder_name", folder)
                .field("patient_mrn", mrn)
                .file("document", fileName, "application/octet-stream", document);
    }

    Http.Response upload(Multipart form) {
        return http.post("/v1/documents", form, acme.clientCredentials());
    }

    /** The one event of this type for this document, once it arrives; its signature checked. */
    JsonNode webhook(String type, String documentId) {
        var received = await().atMost(WAIT)
                .until(
                        () -> receiver.received().stream()
                                .filter(r -> r.body().contains(documentId)
                                        && r.body().contains("\"" + type + "\""))
                                .toList(),
                        r -> !r.isEmpty());
        assertThat(received).hasSize(1);
        var request = received.getFirst();
        try {
            assertThat(request.header("webhook-signature"))
                    .isEqualTo(Verification.expectedSignature(
                            secret, request.header("webhook-id"), request.header("webhook-timestamp"), request.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return JSON.readTree(request.body());
    }

    @Test
    void theSeedsRequestIsAcceptedThenAnnouncedAsUploaded() {
        byte[] pdf = TestFiles.shared("aws-sample-medical-pdf-mit0/sample_report_1_discharge_summary.pdf");

        var accepted = upload(form("MedicalRecords/LabResults", "123456", "document.pdf", pdf)
                .field("emr_assigned_to_id", "staff-7")
                .field("is_reviewed", "true")
                .field("notes", "Potassium recheck")
                .field("is_high_priority", "true"));

        assertThat(accepted.status()).isEqualTo(200);
        JsonNode body = accepted.json();
        assertThat(body.propertyNames()).containsExactly("success", "message", "document_id");
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("message").asString())
                .isEqualTo("Document uploaded successfully. It will be processed soon.");
        String id = body.get("document_id").asString();

        JsonNode event = webhook("document.uploaded", id);
        assertThat(event.propertyNames()).containsExactly("id", "object", "created", "type", "data");
        assertThat(event.get("data").toString())
                .isEqualTo("{\"document_id\":\"" + id
                        + "\",\"patient_mrn\":\"123456\",\"folder_name\":\"MedicalRecords/LabResults\"}");

        JsonNode document = http.get("/v1/documents/" + id, acme.apiKey()).json();
        assertThat(document.get("status").asString()).isEqualTo("processed");
        assertThat(document.get("patientId").asLong()).isEqualTo(patientId);
        assertThat(document.get("folder").asString()).isEqualTo("MedicalRecords/LabResults");
        assertThat(document.get("notes").asString()).isEqualTo("Potassium recheck");
        assertThat(document.get("reviewed").asBoolean()).isTrue();
        assertThat(document.get("highPriority").asBoolean()).isTrue();
        assertThat(document.get("assignedTo").asString()).isEqualTo("staff-7");
        assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(document.get("failureReason").isNull()).isTrue();
        assertThat(http.get(document.get("url").asString()).body()).isEqualTo(pdf);
        String text = jdbc.sql("select extracted_text from document where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(text).isNotBlank();
        assertThat(http.get("/v1/patients/" + patientId, acme.apiKey())
                        .json()
                        .get("documents")
                        .findValuesAsString("id"))
                .contains(id);
    }

    @Test
    void imagesAreAcceptedByContentWhateverTheirName() {
        var png = upload(form("Photos", "123456", "scan.pdf", TestFiles.png(300, 200)));
        var jpeg = upload(form("Photos", "123456", "photo", TestFiles.jpeg(300, 200)));
        webhook("document.uploaded", png.json().get("document_id").asString());
        webhook("document.uploaded", jpeg.json().get("document_id").asString());
        assertThat(http.get("/v1/documents/" + png.json().get("document_id").asString(), acme.apiKey())
                        .json()
                        .get("contentType")
                        .asString())
                .isEqualTo("image/png");
        assertThat(http.get("/v1/documents/" + jpeg.json().get("document_id").asString(), acme.apiKey())
                        .json()
                        .get("contentType")
                        .asString())
                .isEqualTo("image/jpeg");
    }

    static Stream<Arguments> failures() {
        byte[] pdf = TestFiles.pdf("Lab report");
        return Stream.of(
                Arguments.of(
                        "unknown MRN",
                        "NOPE-9",
                        null,
                        pdf,
                        "Patient not found. Please check the patient MRN and try again."),
                Arguments.of("unknown staff member", "123456", "staff-404", pdf, DocumentProcessing.STAFF_NOT_FOUND),
                Arguments.of("inactive staff member", "123456", "staff-8", pdf, DocumentProcessing.STAFF_NOT_FOUND),
                Arguments.of(
                        "truncated PDF",
                        "123456",
                        null,
                        Arrays.copyOf(pdf, pdf.length / 2),
                        "The document could not be read: The PDF is incomplete (it does not end with %%EOF)."),
                Arguments.of(
                        "encrypted PDF",
                        "123456",
                        null,
                        TestFiles.shared("pdf-qpdf-testsuite/encrypted/c-r2.pdf"),
                        "The document could not be read: The PDF is password-protected."),
                Arguments.of(
                        "damaged PNG",
                        "123456",
                        null,
                        Arrays.copyOf(TestFiles.png(300, 200), 30),
                        "The document could not be read: The image is damaged or not a supported picture."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void problemsFoundLaterAreAnnouncedAsFailedWithAReason(
            String what, String mrn, String staff, byte[] file, String reason) {
        var form = form("MedicalRecords", mrn, "document.pdf", file);
        if (staff != null) {
            form.field("emr_assigned_to_id", staff);
        }
        var accepted = upload(form);
        assertThat(accepted.status()).isEqualTo(200);
        String id = accepted.json().get("document_id").asString();

        JsonNode event = webhook("document.upload_failed", id);
        assertThat(event.get("data").propertyNames())
                .containsExactly("document_id", "patient_mrn", "folder_name", "failure_reason");
        assertThat(event.get("data").get("patient_mrn").asString()).isEqualTo(mrn);
        assertThat(event.get("data").get("folder_name").asString()).isEqualTo("MedicalRecords");
        assertThat(event.get("data").get("failure_reason").asString()).isEqualTo(reason);

        JsonNode document = http.get("/v1/documents/" + id, acme.apiKey()).json();
        assertThat(document.get("status").asString()).isEqualTo("failed");
        assertThat(document.get("failureReason").asString()).isEqualTo(reason);
        assertThat(document.get("patientId").isNull()).isTrue();
        assertThat(receiver.received().stream()
                        .filter(r -> r.body().contains(id))
                        .count())
                .isEqualTo(1);
    }

    static Stream<Arguments> badRequests() {
        byte[] pdf = TestFiles.pdf("Lab report");
        byte[] tooBig = Arrays.copyOf(pdf, 5 * 1024 * 1024 + 1);
        return Stream.of(
                Arguments.of(
                        "no folder_name",
                        new Multipart()
                                .field("patient_mrn", "123456")
                                .file("document", "a.pdf", "application/pdf", pdf),
                        "missing_field",
                        "folder_name"),
                Arguments.of("folder with ..", form2("A/../B", "123456", pdf), "invalid_folder_name", "'..'"),
                Arguments.of("folder with an empty name", form2("A//B", "123456", pdf), "invalid_folder_name", "empty"),
                Arguments.of("folder ending in /", form2("A/", "123456", pdf), "invalid_folder_name", "empty"),
                Arguments.of(
                        "no patient_mrn",
                        new Multipart().field("folder_name", "A").file("document", "a.pdf", "application/pdf", pdf),
                        "missing_field",
                        "patient_mrn"),
                Arguments.of(
                        "no document",
                        new Multipart().field("folder_name", "A").field("patient_mrn", "1"),
                        "missing_field",
                        "document"),
                Arguments.of(
                        "document as a text field",
                        new Multipart()
                                .field("folder_name", "A")
                                .field("patient_mrn", "1")
                                .field("document", "hello"),
                        "missing_field",
                        "document"),
                Arguments.of(
                        "TXT document",
                        form2("A", "123456", "patient_id,name\n1,x\n".getBytes()),
                        "invalid_file_type",
                        "PDF, JPEG, and PNG"),
                Arguments.of(
                        "ZIP document",
                        form2("A", "123456", new byte[] {'P', 'K', 3, 4, 0, 0}),
                        "invalid_file_type",
                        "PDF, JPEG, and PNG"),
                Arguments.of("empty document", form2("A", "123456", new byte[0]), "invalid_file", "empty"),
                Arguments.of("over 5MB", form2("A", "123456", tooBig), "file_too_large", "5MB"),
                Arguments.of(
                        "notes of 1001 characters",
                        form2("A", "123456", pdf).field("notes", "x".repeat(1001)),
                        "notes_too_long",
                        "1000"),
                Arguments.of(
                        "is_reviewed not a boolean",
                        form2("A", "123456", pdf).field("is_reviewed", "maybe"),
                        "invalid_request",
                        "is_reviewed"),
                Arguments.of(
                        "is_high_priority not a boolean",
                        form2("A", "123456", pdf).field("is_high_priority", "yes"),
                        "invalid_request",
                        "is_high_priority"));
    }

    static Multipart form2(String folder, String mrn, byte[] document) {
        return new Multipart()
                .field("folder_name", folder)
                .field("patient_mrn", mrn)
                .file("document", "document.pdf", "application/pdf", document);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void shapeErrorsAre400AtOnceAndStoreNothing(String what, Multipart form, String code, String message) {
        var refused = upload(form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().propertyNames()).containsExactly("success", "error", "message");
        assertThat(refused.json().get("success").asBoolean()).isFalse();
        assertThat(refused.json().get("error").asString()).isEqualTo(code);
        assertThat(refused.json().get("message").asString()).contains(message);
        assertThat(jdbc.sql("select count(*) from document where organization_id = ?")
                        .param(acme.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void notesOfExactly1000CharactersAreAccepted() {
        var accepted = upload(form2("A", "123456", TestFiles.pdf("x")).field("notes", "é".repeat(1000)));
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void credentialsAreTheClientTriple() {
        byte[] pdf = TestFiles.pdf("x");
        var noSecret = http.post(
                "/v1/documents", form2("A", "123456", pdf), "client_id", acme.clientId(), "access_token", acme.id());
        assertThat(noSecret.status()).isEqualTo(401);
        assertThat(noSecret.json().get("success").asBoolean()).isFalse();
        assertThat(noSecret.json().get("error").asString()).isEqualTo("unauthorized");
        var wrongSecret = http.post(
                "/v1/documents",
                form2("A", "123456", pdf),
                "client_id",
                acme.clientId(),
                "client_secret",
                "cs_wrong",
                "access_token",
                acme.id());
        assertThat(wrongSecret.status()).isEqualTo(401);
        var nothing = http.post("/v1/documents", form2("A", "123456", pdf));
        assertThat(nothing.status()).isEqualTo(401);
        assertThat(nothing.json().propertyNames()).containsExactly("success", "error", "message");
    }

    @Test
    void anotherOrganizationCanNeitherUploadForThisOneNorReadItsDocuments() {
        TestOrganization other = newOrganization();
        var refused = http.post(
                "/v1/documents",
                form2("A", "123456", TestFiles.pdf("x")),
                "client_id",
                other.clientId(),
                "client_secret",
                other.clientSecret(),
                "access_token",
                acme.id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("success").asBoolean()).isFalse();

        // The other organization's own upload for MRN 123456 does not find acme's patient.
        var own = http.post("/v1/documents", form2("A", "123456", TestFiles.pdf("x")), other.clientCredentials());
        assertThat(own.status()).isEqualTo(200);
        String ownId = own.json().get("document_id").asString();
        JsonNode failed = await().atMost(WAIT)
                .until(
                        () -> http.get("/v1/documents/" + ownId, other.apiKey()).json(),
                        d -> d.get("status").asString().equals("failed"));
        assertThat(failed.get("failureReason").asString()).startsWith("Patient not found.");
        assertThat(http.get("/v1/documents/" + ownId, acme.apiKey()).status()).isEqualTo(404);

        var mine = upload(form2("A", "123456", TestFiles.pdf("mine")));
        String id = mine.json().get("document_id").asString();
        var read = http.get("/v1/documents/" + id, other.apiKey());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().propertyNames()).containsExactly("error", "message");
        assertThat(http.get("/v1/documents/" + id, acme.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void theNativeReadOfAnUnknownDocumentIsANative404() {
        var missing = http.get("/v1/documents/doc_000", acme.apiKey());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asString()).isEqualTo("document_not_found");
        assertThat(List.of(http.get("/v1/documents/doc_000").status())).containsExactly(401);
    }
}
