package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An organization that anonymizes its uploads by default gets no original through any contract:
 * the patient upload, the typed CSVs (appointments, medications, consult notes), documents,
 * attachments and patient PDFs all store and show only the de-identified form — in the read APIs,
 * the stored files and the webhooks — keep the clinical facts, and join on one pseudonymous patient.
 */
class AnonymizingOrganizationIT extends ApplicationTest {

    static final String MRN = "TW-731905";
    static final String APPOINTMENT = "APPT-550291";
    static final List<String> NOTE = List.of(
            "Patient: Thaddeus Wimberforth   DOB: 09/14/1968   MRN: " + MRN,
            "Phone: (416) 555-0177   Email: thaddeus.w@example.net",
            "Address: 22 Quillmoor Road, Holliston, MA 01746",
            "Seen on 05/02/2025 by Dr. Perpetua Ashcombe for type 2 diabetes.",
            "Medications: metformin 500 mg twice daily; lisinopril 10 mg daily.",
            "Allergies: penicillin (hives).");
    /** Everything in the uploads below that identifies the patient; none may be stored or shown. */
    static final List<String> IDENTIFIERS = List.of(
            "Thaddeus",
            "Wimberforth",
            "WIMBERFORTH",
            MRN,
            APPOINTMENT,
            "1968-09-14",
            "09/14/1968",
            "555-0177",
            "4165550177",
            "thaddeus.w@example.net",
            "Quillmoor",
            "Holliston",
            "01746",
            "05/02/2025",
            "2025-05-02",
            "Ashcombe");

    final WebhookReceiver receiver = new WebhookReceiver();
    TestOrganization acme;
    Http http;

    @BeforeEach
    void anonymizingOrganization() {
        http = http();
        acme = newOrganization();
        anonymizeUploadsOf(acme);
        http.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer());
        http.postJson("/v1/clinicians", "{\"firstName\":\"Linh\",\"lastName\":\"Nguyen\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"new-consult-agent\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":false,\"agent\":\"follow-up-agent\"}", acme.apiKey());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyContractStoresAndShowsOnlyTheDeidentifiedFormOnOnePseudonymousPatient() {
        long patientId = uploadPatient();
        JsonNode listed = http.get("/v1/patients", acme.bearer()).json().get("data");
        String pseudonym = listed.get(0).get("externalId").asString();
        assertThat(pseudonym).matches("anon-[a-z2-7]{20}");

        String appointments = "AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,"
                + "AppointmentDate,EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,"
                + "TestStatus,IntakeCharted,PharmacyName\n"
                + APPOINTMENT + "," + MRN + ",Scheduled,Nguyen,true,2025-05-02,10:30,Thaddeus,Wimberforth,1968-09-14,"
                + "(416) 555-0177,true,Pending,false,Wimberforth Pharmacy\n";
        String medications = "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\n" + MRN
                + ",Metformin,500 mg,,\"BID, Thaddeus to call 416-555-0177\",2025-05-02\n";
        String consultNotes = "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate\n" + APPOINTMENT + ",\""
                + String.join(" ", NOTE) + "\",Consult,\n";
        for (String[] typed : List.of(
                new String[] {"appointments", appointments},
                new String[] {"medications", medications},
                new String[] {"consult-notes", consultNotes})) {
            var answer = http.post(
                    "/api/v1/csv",
                    new Multipart()
                            .file("file", typed[0] + ".csv", "text/csv", bytes(typed[1]))
                            .field("type", typed[0]),
                    acme.apiKey());
            assertThat(answer.status()).as(typed[0]).isEqualTo(200);
        }

        byte[] pdf = TestFiles.pdf(NOTE.toArray(String[]::new));
        var document = http.post(
                "/v1/documents",
                new Multipart()
                        .field("folder_name", "Lab Results")
                        .field("patient_mrn", MRN)
                        .field("notes", "Thaddeus asked for a copy; call (416) 555-0177")
                        .file("document", "wimberforth-labs.pdf", "application/pdf", pdf),
                acme.clientCredentials());
        assertThat(document.status()).isEqualTo(200);
        var attachments = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .field("names", "[\"Wimberforth referral\",\"note\"]")
                        .file("attachments", "wimberforth-referral.pdf", "application/pdf", pdf)
                        .file("attachments", "note-thaddeus.txt", "text/plain", bytes(String.join("\n", NOTE))),
                acme.tenant());
        assertThat(attachments.status()).isEqualTo(200);
        var patientPdf = http.post(
                "/patients/" + patientId + "/pdf",
                new Multipart()
                        .field("filename", "wimberforth.pdf")
                        .file("file", "wimberforth.pdf", "application/pdf", pdf),
                acme.apiKey());
        assertThat(patientPdf.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> receiver.received().stream().anyMatch(r -> r.body().contains("document.uploaded")));

        // One pseudonymous patient: the appointments, medications and notes joined it.
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).hasSize(1);
        JsonNode cases = http.get("/v1/cases", acme.apiKey()).json().get("data");
        assertThat(cases).hasSize(1);
        var theCase = http.get("/v1/cases/" + cases.get(0).get("appointmentId").asString(), acme.apiKey());
        assertThat(theCase.text()).containsIgnoringCase("metformin").contains("lisinopril");
        assertThat(theCase.json().get("appointmentId").asString()).matches("anon-[a-z2-7]{20}");

        var patient = http.get("/v1/patients/" + patientId, acme.bearer());
        assertThat(patient.json().get("anonymized").asBoolean()).isTrue();
        JsonNode documents = patient.json().get("documents");
        assertThat(documents).hasSize(4);
        StringBuilder documentTexts = new StringBuilder();
        for (JsonNode d : documents) {
            assertThat(d.get("contentType").asString()).startsWith("text/plain");
            documentTexts.append(fetch(d.get("url").asString()));
        }
        assertThat(documentTexts).contains("metformin 500 mg", "lisinopril", "penicillin", "[NAME]");

        String shown = String.join(
                "\n",
                patient.text(),
                theCase.text(),
                documentTexts,
                attachments.text(),
                patientPdf.text(),
                http.get("/v1/uploads", acme.bearer()).text(),
                receiver.received().stream().map(WebhookReceiver.Received::body).reduce("", String::concat),
                storedFiles());
        for (String identifier : IDENTIFIERS) {
            assertThat(shown).as("what is stored and shown").doesNotContainIgnoringCase(identifier);
        }
    }

    @Test
    void imagesAreRefusedRatherThanKept() {
        long patientId = uploadPatient();
        var document = http.post(
                "/v1/documents",
                new Multipart()
                        .field("folder_name", "Scans")
                        .field("patient_mrn", MRN)
                        .file("document", "face.png", "image/png", TestFiles.png(40, 40)),
                acme.clientCredentials());
        assertThat(document.status()).isEqualTo(400);
        assertThat(document.json().toString()).contains("invalid_file_type", "de-identified");

        var attachment = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", "face.jpg", "image/jpeg", TestFiles.jpeg(40, 40)),
                acme.tenant());
        assertThat(attachment.status()).isEqualTo(422);
        assertThat(attachment.text()).contains("de-identified");
        assertThat(http.get("/v1/patients/" + patientId, acme.bearer()).json().get("documents"))
                .isEmpty();
    }

    /** The patient sent as a patient CSV (no anonymize field: the organization's default applies). */
    private long uploadPatient() {
        String patients = "patient_id,first_name,last_name,birth_date,phone,email,zip\n" + MRN
                + ",Thaddeus,Wimberforth,1968-09-14,4165550177,thaddeus.w@example.net,01746\n";
        var uploaded = http.post(
                "/api/pandora/upload-v2/upload",
                new Multipart()
                        .file("file", "patients.csv", "text/csv", bytes(patients))
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                acme.bearer());
        assertThat(uploaded.status()).isEqualTo(200);
        JsonNode listed = http.get("/v1/patients", acme.bearer()).json().get("data");
        assertThat(listed).hasSize(1);
        return listed.get(0).get("id").asLong();
    }

    private String fetch(String signedUrl) {
        URI url = URI.create(signedUrl);
        var file = http.get(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        assertThat(file.status()).isEqualTo(200);
        return file.text();
    }

    /** The text of every stored file of the data folder but the embedded database's own. */
    private static String storedFiles() {
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".db") && !name.endsWith(".lock")) {
                    all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
