package dev.chartroom.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The bulk attachments contract (seeds/attachments-bulk.txt) through real HTTP. */
class AttachmentsBulkIT extends ApplicationTest {

    static final List<String> ATTACHMENT_FIELDS = List.of(
            "id",
            "gcsPath",
            "originalFilename",
            "signedUrl",
            "name",
            "createdDate",
            "noteId",
            "thumbnailSignedUrl",
            "annotations",
            "externalId",
            "patient",
            "note",
            "provider",
            "tags");
    static final List<String> PATIENT_FIELDS = List.of(
            "id",
            "type",
            "createdDate",
            "firstName",
            "lastName",
            "phoneNumber",
            "email",
            "locationId",
            "externalId",
            "address",
            "addressLineTwo",
            "city",
            "state",
            "zipCode",
            "country",
            "addressValid",
            "meta",
            "isArchived",
            "primaryLocationId",
            "gender",
            "pronouns",
            "preferredName",
            "dateOfBirth",
            "patientMedications",
            "patientSource",
            "leadSource",
            "onSchedulingBlacklist",
            "surchargeDisabled",
            "tags",
            "creditBalance",
            "preferredProviderId",
            "dosespotPatientId");

    @Autowired
    JdbcClient jdbc;

    TestOrganization acme;
    Http http;
    long patientId;

    @BeforeEach
    void patient() {
        http = http();
        acme = newOrganization();
        patientId = TestPatients.create(http, acme, "MRN-1", "Jane", "Doe");
    }

    Http.Response bulk(Multipart form) {
        return http.post("/attachments/bulk", form, acme.tenant());
    }

    long documents() {
        return jdbc.sql("select count(*) from document where organization_id = ?")
                .param(acme.id())
                .query(Long.class)
                .single();
    }

    @Test
    void theSeedsRequestStoresEveryFileWithItsNameExternalIdAndNote() throws Exception {
        byte[] pdf = TestFiles.shared("hl7-ccda-examples-cc0/discharge_summary_UD_sample.pdf");
        byte[] png = TestFiles.png(320, 240);
        byte[] jpeg = TestFiles.jpeg(640, 480);

        var answer = bulk(new Multipart()
                .field("patient_id", Long.toString(patientId))
                .file("attachments", "discharge.pdf", "application/pdf", pdf)
                .file("attachments", "photo.png", "image/png", png)
                .file("attachments", "wound.jpg", "image/jpeg", jpeg)
                .field("note_id", "note-42")
                .field("names", "[\"Discharge\",\"Photo\",\"Wound\"]")
                .field("external_ids", "ext-1,ext-2,ext-3"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode attachments = answer.json().get("attachments");
        assertThat(attachments).hasSize(3);
        JsonNode first = attachments.get(0);
        assertThat(first.propertyNames()).containsExactlyElementsOf(ATTACHMENT_FIELDS);
        assertThat(first.get("id").asString()).startsWith("att_");
        assertThat(first.get("originalFilename").asString()).isEqualTo("discharge.pdf");
        assertThat(first.get("name").asString()).isEqualTo("Discharge");
        assertThat(first.get("externalId").asString()).isEqualTo("ext-1");
        assertThat(first.get("noteId").asString()).isEqualTo("note-42");
        assertThat(first.get("note").get("id").asString()).isEqualTo("note-42");
        assertThat(first.get("note").get("createdDate").asString()).isNotBlank();
        assertThat(first.get("gcsPath").asString()).matches(acme.id() + "/[0-9a-f]{64}");
        assertThat(first.get("annotations")).isEmpty();
        assertThat(first.get("tags")).isEmpty();
        assertThat(first.get("provider").isNull()).isTrue();
        JsonNode patient = first.get("patient");
        assertThat(patient.propertyNames()).containsExactlyElementsOf(PATIENT_FIELDS);
        assertThat(patient.get("id").asString()).isEqualTo(Long.toString(patientId));
        assertThat(patient.get("externalId").asString()).isEqualTo("MRN-1");
        assertThat(patient.get("firstName").asString()).isEqualTo("Jane");
        assertThat(patient.get("lastName").asString()).isEqualTo("Doe");
        assertThat(patient.get("dateOfBirth").asString()).isEqualTo("1980-03-12");
        assertThat(patient.get("email").asString()).isEqualTo("jane@example.org");
        assertThat(attachments.get(1).get("name").asString()).isEqualTo("Photo");
        assertThat(attachments.get(2).get("externalId").asString()).isEqualTo("ext-3");

        byte[][] sent = {pdf, png, jpeg};
        for (int i = 0; i < 3; i++) {
            JsonNode attachment = attachments.get(i);
            assertThat(http.get(attachment.get("signedUrl").asString()).body()).isEqualTo(sent[i]);
            var thumbnail = http.get(attachment.get("thumbnailSignedUrl").asString());
            assertThat(thumbnail.status()).isEqualTo(200);
            assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
            var image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isLessThanOrEqualTo(256);
        }
        // The background job records each thumbnail too, so later requests do not make it again.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from document where organization_id = ? and thumbnail_key is not null")
                                .param(acme.id())
                                .query(Long.class)
                                .single()
                        == 3);
        assertThat(http.get("/v1/patients/" + patientId, acme.apiKey()).json().get("documents"))
                .hasSize(3);
    }

    @Test
    void namesDefaultToTheFileNameAndTextHasNoThumbnail() {
        var answer = bulk(new Multipart()
                .field("patient_id", Long.toString(patientId))
                .file(
                        "attachments",
                        "note.txt",
                        "text/plain",
                        "Follow-up in two weeks.".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode attachment = answer.json().get("attachments").get(0);
        assertThat(attachment.get("name").asString()).isEqualTo("note.txt");
        assertThat(attachment.get("externalId").isNull()).isTrue();
        assertThat(attachment.get("note").isNull()).isTrue();
        assertThat(attachment.get("thumbnailSignedUrl").isNull()).isTrue();
        assertThat(http.get(attachment.get("signedUrl").asString()).text()).isEqualTo("Follow-up in two weeks.");
    }

    /** A request to send, given this test's patient id. */
    interface Form {
        Multipart with(String patientId);
    }

    static Stream<Arguments> invalid() {
        byte[] pdf = TestFiles.pdf("x");
        return Stream.of(
                Arguments.of(
                        "names count mismatch",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", pdf)
                                .field("names", "[\"a\",\"b\"]"),
                        List.of("body", "names"),
                        "value_error"),
                Arguments.of(
                        "external_ids count mismatch",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", pdf)
                                .file("attachments", "b.pdf", "application/pdf", pdf)
                                .field("external_ids", "only-one"),
                        List.of("body", "external_ids"),
                        "value_error"),
                Arguments.of(
                        "an external id longer than its column",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", pdf)
                                .field("external_ids", "E".repeat(300)),
                        List.of("body", "external_ids"),
                        "value_error"),
                Arguments.of(
                        "names not a list",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", pdf)
                                .field("names", "[\"a\""),
                        List.of("body", "names"),
                        "value_error"),
                Arguments.of(
                        "no attachments",
                        (Form) p -> new Multipart().field("patient_id", p),
                        List.of("body", "attachments"),
                        "missing"),
                Arguments.of(
                        "no patient_id",
                        (Form) p -> new Multipart().file("attachments", "a.pdf", "application/pdf", pdf),
                        List.of("body", "patient_id"),
                        "missing"),
                Arguments.of(
                        "an archive",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", pdf)
                                .file("attachments", "b.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0, 0}),
                        List.of("body", "attachments", 1),
                        "value_error"),
                Arguments.of(
                        "a broken PDF",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", Arrays.copyOf(pdf, pdf.length / 2)),
                        List.of("body", "attachments", 0),
                        "value_error"),
                Arguments.of(
                        "an empty file",
                        (Form) p -> new Multipart()
                                .field("patient_id", p)
                                .file("attachments", "a.pdf", "application/pdf", new byte[0]),
                        List.of("body", "attachments", 0),
                        "value_error"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void validationErrorsAre422WithDetailAndStoreNothing(String what, Form form, List<Object> loc, String type) {
        var refused = http.post("/attachments/bulk", form.with(Long.toString(patientId)), acme.tenant());
        assertThat(refused.status()).isEqualTo(422);
        JsonNode detail = refused.json().get("detail");
        assertThat(detail.isArray()).isTrue();
        JsonNode problem = detail.get(0);
        assertThat(problem.propertyNames()).containsExactly("loc", "msg", "type");
        assertThat(problem.get("loc").toString())
                .isEqualTo(loc.stream()
                        .map(l -> l instanceof String s ? "\"" + s + "\"" : l.toString())
                        .toList()
                        .toString()
                        .replace(", ", ","));
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("msg").asString()).isNotBlank();
        assertThat(documents()).isZero();
    }

    @Test
    void aMissingTenantHeaderIs422() {
        var refused = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "a.pdf", "application/pdf", TestFiles.pdf("x")),
                "API-KEY",
                acme.key());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"header\",\"TENANT\"]");
    }

    @Test
    void anotherTenantOrItsPatientIsRefused() {
        TestOrganization other = newOrganization();
        byte[] pdf = TestFiles.pdf("x");
        var wrongTenant = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "a.pdf", "application/pdf", pdf),
                "API-KEY",
                acme.key(),
                "TENANT",
                other.id());
        assertThat(wrongTenant.status()).isEqualTo(403);
        assertThat(wrongTenant.json().get("detail").isString()).isTrue();
        var othersPatient = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "a.pdf", "application/pdf", pdf),
                other.tenant());
        assertThat(othersPatient.status()).isEqualTo(403);
        assertThat(documents()).isZero();
    }

    @Test
    void unknownPatientIs404AndNoKeyIs401() {
        byte[] pdf = TestFiles.pdf("x");
        var unknown = bulk(new Multipart()
                .field("patient_id", "999999999999")
                .file("attachments", "a.pdf", "application/pdf", pdf));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Patient not found");
        var noKey = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "a.pdf", "application/pdf", pdf),
                "TENANT",
                acme.id());
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().get("detail").isString()).isTrue();
    }
}
