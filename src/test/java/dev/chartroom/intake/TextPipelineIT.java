package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.extract.ClinicalExtractor;
import dev.chartroom.extract.Extraction;
import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.webhook.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19 through real HTTP: texts that once made the extractor throw, uploaded as a patient's
 * file and as consult notes beside good rows; and an extractor made to fail on purpose, whose
 * failure shows on the patient, the upload, its webhook and the dead jobs, or as a row error.
 */
@Import(TextPipelineIT.MarkedTextFails.class)
class TextPipelineIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";
    static final String CSV = "/api/v1/csv";
    static final String APPOINTMENTS_HEADER =
            "Office,AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,"
                    + "Virtual,AppointmentDate,EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,"
                    + "TestStatus,IntakeCharted,PharmacyName";
    static final String NOTES_HEADER = "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate,VPTextId";
    /** A text the test extractor fails on, as a bug in it would. */
    static final String MARKER = "EXTRACTOR-FAILS-ON-THIS";

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MarkedTextFails failing;

    TestOrganization acme;
    Http http;
    private final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeEach
    void organization() {
        acme = newOrganization();
        http = http();
        http.postJson("/v1/groups", "{\"id\":\"ward-1\",\"name\":\"Ward 1\"}", acme.bearer());
        http.postJson("/v1/clinicians", "{\"firstName\":\"Linh\",\"lastName\":\"Nguyen\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"new-consult-agent\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":false,\"agent\":\"follow-up-agent\"}", acme.apiKey());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        failing.crash.set(false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NOTE: 3rd. Medications:",
                "CALL: 10th. Allergies: sulfa.",
                "TELEPHONE ENCOUNTER\r\nCALL: 2nd. Medications:\r\n- lisinopril 10 mg daily\r\n"
            })
    void aTelephoneNoteGetsItsFactsAndNoFailedStep(String note) {
        var answer = uploadText(note);

        assertThat(answer.status()).isEqualTo(200);
        long patientId = patientOf(answer);
        String uploadId = answer.json().get("uploadId").asString();
        await().atMost(WAIT).until(() -> jobsLeft(patientId));
        JsonNode patient = http.get("/v1/patients/" + patientId, acme.bearer()).json();
        assertThat(patient.get("failedSteps")).isEmpty();
        assertThat(http.get("/v1/uploads/" + uploadId, acme.bearer()).json().get("failedSteps"))
                .isEmpty();
        assertThat(http.get("/v1/jobs?status=dead", acme.bearer()).json().get("data"))
                .isEmpty();
        if (note.contains("sulfa")) {
            assertThat(patient.get("allergies"))
                    .extracting(a -> a.get("substance").asString())
                    .containsExactly("sulfa");
        }
        if (note.contains("lisinopril")) {
            assertThat(patient.get("medications"))
                    .extracting(m -> m.get("name").asString())
                    .containsExactly("lisinopril");
        }
    }

    @Test
    void consultNotesThatOnceThrewAreReadBesideGoodRows() {
        uploadCsv("appointments", APPOINTMENTS_HEADER + "\n" + appointment("A-1", "R-1") + "\n");
        String notes = NOTES_HEADER + "\n"
                + "A-1,\"NOTE: 3rd. Medications:\",,Telephone,1\n"
                + "A-1,\"CALL: 10th. Allergies: sulfa.\",,Telephone,2\n"
                + "A-1,\"Currently taking lisinopril 10 mg PO daily.\",Consult,,3\n";

        var answer = uploadCsv("consult-notes", notes);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).isTrue();
        JsonNode a1 = caseOf("A-1");
        assertThat(a1.get("medications"))
                .extracting(m -> m.get("name").asString())
                .containsExactly("lisinopril");
        assertThat(a1.get("allergies"))
                .extracting(a -> a.get("substance").asString())
                .containsExactly("sulfa");
        String uploadId = answer.json().get("data").get("upload_id").asString();
        assertThat(http.get("/v1/uploads/" + uploadId, acme.apiKey()).json().get("errors"))
                .isEmpty();
    }

    @Test
    void aFailedExtractionShowsOnThePatientTheUploadTheWebhookAndTheDeadJobs() {
        http.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer());
        Instant before = Instant.now();

        var answer = uploadText("Patient: Ana Ruiz\nMRN: 448812\nMedications: " + MARKER + " lisinopril 10 mg daily.");

        assertThat(answer.status()).isEqualTo(200);
        long patientId = patientOf(answer);
        String uploadId = answer.json().get("uploadId").asString();
        JsonNode failed = await().atMost(WAIT)
                .until(
                        () -> http.get("/v1/patients/" + patientId, acme.bearer())
                                .json()
                                .get("failedSteps"),
                        f -> !f.isEmpty());
        assertThat(failed).hasSize(1);
        JsonNode step = failed.get(0);
        assertThat(step.get("step").asString()).isEqualTo("extraction");
        assertThat(Instant.parse(step.get("failedAt").asString())).isAfter(before.minusSeconds(1));
        String reason = step.get("reason").asString();
        assertThat(reason)
                .contains("could not be read", "revive")
                .doesNotContain(MARKER, "Exception", "Ana", "448812", "lisinopril", "\tat ");
        assertThat(http.get("/v1/uploads/" + uploadId, acme.bearer()).json().get("failedSteps"))
                .isEqualTo(failed);

        JsonNode dead = http.get("/v1/jobs?status=dead", acme.bearer()).json().get("data");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("id").asString()).isEqualTo(step.get("jobId").asString());
        assertThat(dead.get(0).get("attempts").asInt())
                .as("a deterministic failure is not retried")
                .isEqualTo(1);
        assertThat(dead.get(0).get("lastError").asString()).startsWith("IndexOutOfBoundsException");

        JsonNode announced = await().atMost(WAIT).until(() -> processedWithFailure(uploadId), a -> a != null);
        JsonNode announcedStep = announced.get("data").get("failed_steps").get(0);
        assertThat(announcedStep.get("step").asString()).isEqualTo("extraction");
        assertThat(announcedStep.get("reason").asString()).isEqualTo(reason);
        assertThat(announcedStep.get("job_id").asString())
                .isEqualTo(step.get("jobId").asString());
        assertThat(Instant.parse(announcedStep.get("failed_at").asString()))
                .isEqualTo(Instant.parse(step.get("failedAt").asString()));
    }

    @Test
    void aConsultNoteTheExtractorCannotReadIsARowErrorAndTheOtherRowsAreRead() {
        uploadCsv(
                "appointments",
                APPOINTMENTS_HEADER + "\n" + appointment("A-1", "R-1") + "\n" + appointment("A-2", "R-2") + "\n");
        String notes = NOTES_HEADER + "\n"
                + "A-1,\"Allergic to penicillin (hives).\",Consult,,1\n"
                + "A-1,\"" + MARKER + " taking warfarin 5 mg\",Telephone,,2\n"
                + "A-1,\"Currently taking lisinopril 10 mg PO daily.\",Consult,,3\n"
                + "A-2,\"Taking metformin 500 mg BID.\",Consult,,4\n";

        var answer = uploadCsv("consult-notes", notes);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).isTrue();
        assertThat(answer.json().get("message").asString()).isEqualTo("CSV uploaded and processed successfully.");
        JsonNode a1 = caseOf("A-1");
        assertThat(a1.get("notes")).as("the unreadable note is kept").hasSize(3);
        assertThat(a1.get("medications"))
                .extracting(m -> m.get("name").asString())
                .containsExactly("lisinopril");
        assertThat(a1.get("allergies"))
                .extracting(a -> a.get("substance").asString())
                .containsExactly("penicillin");
        assertThat(caseOf("A-2").get("medications"))
                .extracting(m -> m.get("name").asString())
                .containsExactly("metformin");
        var errors = http.get(
                        "/v1/uploads/"
                                + answer.json().get("data").get("upload_id").asString(),
                        acme.apiKey())
                .json()
                .get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("VPText");
        assertThat(errors.get(0).get("reason").asString())
                .contains("could not be read")
                .doesNotContain(MARKER, "warfarin");
    }

    @Test
    void aFileThatFailedWithA5xxIsProcessedWhenSentAgain() {
        uploadCsv("appointments", APPOINTMENTS_HEADER + "\n" + appointment("A-1", "R-1") + "\n");
        String name = "consult-notes_" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
        String notes = NOTES_HEADER + "\nA-1,\"Currently taking lisinopril 10 mg PO daily.\",Consult,,1\n";
        failing.crash.set(true);

        var failed = uploadCsv("consult-notes", name, notes);

        assertThat(failed.status()).isGreaterThanOrEqualTo(500);
        assertThat(caseOf("A-1").get("notes")).isEmpty();
        failing.crash.set(false);

        var again = uploadCsv("consult-notes", name, notes);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("message").asString()).isEqualTo("CSV uploaded and processed successfully.");
        assertThat(caseOf("A-1").get("medications"))
                .extracting(m -> m.get("name").asString())
                .containsExactly("lisinopril");
        assertThat(http.get("/v1/uploads?fileName=" + name, acme.apiKey())
                        .json()
                        .get("data"))
                .hasSize(1);
    }

    private Http.Response uploadText(String text) {
        String name = "note-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        return http.post(
                UPLOAD,
                new Multipart()
                        .file("file", name, "text/plain", text.getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "ward-1")
                        .field("anonymize", "false"),
                acme.bearer());
    }

    private Http.Response uploadCsv(String type, String content) {
        return uploadCsv(type, type + "_" + UUID.randomUUID().toString().substring(0, 8) + ".csv", content);
    }

    private Http.Response uploadCsv(String type, String fileName, String content) {
        return http.post(
                CSV,
                new Multipart()
                        .file("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8))
                        .field("type", type),
                acme.apiKey());
    }

    private static String appointment(String appointmentId, String recordId) {
        return "Main," + appointmentId + "," + recordId + ",Scheduled,Nguyen,true,2026-04-20,10:30,Maria,Lopez,"
                + "1984-02-11,(416) 555-0123,true,Pending,false,Rx Plus";
    }

    private JsonNode caseOf(String appointmentId) {
        var data = http.get("/v1/cases?appointmentId=" + appointmentId, acme.apiKey())
                .json()
                .get("data");
        assertThat(data).hasSize(1);
        return data.get(0);
    }

    /** The patient a one-patient upload made: each test's organization has only that one. */
    private long patientOf(Http.Response answer) {
        var patients = http.get("/v1/patients", acme.bearer()).json().get("data");
        assertThat(patients).isNotEmpty();
        return patients.get(0).get("id").asLong();
    }

    /** Whether the patient's document jobs are done: none ready or running for this organization. */
    private boolean jobsLeft(long patientId) {
        JsonNode ready = http.get("/v1/jobs?status=ready", acme.bearer()).json().get("data");
        JsonNode running =
                http.get("/v1/jobs?status=running", acme.bearer()).json().get("data");
        return ready.isEmpty()
                && running.isEmpty()
                && http.get("/v1/patients/" + patientId, acme.bearer())
                                .json()
                                .get("documents")
                                .size()
                        == 1;
    }

    private JsonNode processedWithFailure(String uploadId) {
        var json = JsonMapper.builder().build();
        for (var received : receiver.received()) {
            JsonNode event = json.readTree(received.body());
            if (event.get("type").asString().equals("upload.processed")
                    && event.get("data").get("upload_id").asString().equals(uploadId)
                    && !event.get("data").get("failed_steps").isEmpty()) {
                return event;
            }
        }
        return null;
    }

    /**
     * The real extractor, except that it fails on the marker text as a bug would, and, while
     * {@code crash} is set, fails on everything with an Error that no row survives.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class MarkedTextFails {

        final AtomicBoolean crash = new AtomicBoolean();

        @Bean
        @Primary
        ClinicalExtractor markedTextFails(@Qualifier("clinicalExtractor") ClinicalExtractor real) {
            return new ClinicalExtractor() {
                @Override
                public Extraction extract(String text) {
                    if (crash.get()) {
                        throw new InternalError("the extractor crashed");
                    }
                    if (text != null && text.contains(MARKER)) {
                        throw new IndexOutOfBoundsException("start > end");
                    }
                    return real.extract(text);
                }
            };
        }
    }
}
