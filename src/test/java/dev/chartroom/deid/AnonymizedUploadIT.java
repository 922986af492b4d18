package dev.chartroom.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An upload with {@code anonymize=true} stores only the de-identified form: the record, its note,
 * its document and what the read API and webhooks show hold none of the note's identifiers, keep
 * its clinical facts, and a re-upload of the same patient lands on the same pseudonymous patient.
 */
class AnonymizedUploadIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";
    static final String NOTE = """
            Patient: Zebulon Quartermaine
            DOB: 1975-07-22
            MRN: ZQ-448812
            Phone: (617) 555-0142   Email: zeb.q@example.org
            Address: 48 Larkspur Lane, Framingham, MA 01701

            Mr. Quartermaine was seen on 03/14/2024 by Dr. Ingrid Halvorsen for Parkinson disease.
            Medications: metformin 500 mg twice daily; Lasix 40 mg daily.
            Allergies: penicillin (hives).
            His wife Marisol will call back. DICTATED BY: HALVORSEN, INGRID
            """;
    static final List<String> IDENTIFIERS = List.of(
            "Zebulon",
            "Quartermaine",
            "1975-07-22",
            "ZQ-448812",
            "555-0142",
            "zeb.q@example.org",
            "Larkspur",
            "Framingham",
            "01701",
            "03/14/2024",
            "Halvorsen",
            "HALVORSEN",
            "Ingrid",
            "INGRID",
            "Marisol",
            "note-of-zebulon");

    TestOrganization acme;
    Http http;

    @BeforeEach
    void organization() {
        acme = newOrganization();
        http = http();
    }

    Http.Response upload(String fileName, String content, boolean anonymize) {
        return http.post(
                UPLOAD,
                new Multipart()
                        .file("file", fileName, "text/plain", content.getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "default")
                        .field("anonymize", Boolean.toString(anonymize)),
                acme.bearer());
    }

    @Test
    void aNoteIsStoredWithoutItsIdentifiersAndKeepsItsClinicalFacts() {
        var answer = upload("note-of-zebulon.txt", NOTE, true);
        assertThat(answer.status()).isEqualTo(200);
        String uploadId = answer.json().get("uploadId").asString();

        JsonNode list = http.get("/v1/patients", acme.bearer()).json().get("data");
        assertThat(list).hasSize(1);
        long id = list.get(0).get("id").asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !http.get("/v1/patients/" + id, acme.bearer())
                        .json()
                        .get("medications")
                        .isEmpty());
        var patient = http.get("/v1/patients/" + id, acme.bearer());

        assertThat(patient.json().get("externalId").asString()).matches("anon-[a-z2-7]{20}");
        assertThat(patient.json().get("anonymized").asBoolean()).isTrue();
        assertThat(patient.json().get("deidentificationMethod").asString()).isEqualTo(TextDeidentifier.METHOD);
        assertThat(patient.json().get("name").isNull()).isTrue();
        assertThat(patient.text()).contains("metformin", "Parkinson disease", "penicillin");
        assertThat(patient.json().get("medications").toString()).contains("metformin");
        String document = documentText(patient.json());
        String uploadRecord = http.get("/v1/uploads/" + uploadId, acme.bearer()).text();
        for (String identifier : IDENTIFIERS) {
            assertThat(patient.text()).as("patient record").doesNotContain(identifier);
            assertThat(document).as("stored document").doesNotContain(identifier);
            assertThat(uploadRecord).as("upload record").doesNotContain(identifier);
        }
        assertThat(document).contains("[NAME]", "metformin 500 mg");
    }

    @Test
    void theSamePatientSentAgainLandsOnTheSamePseudonym() {
        upload("a.txt", NOTE, true);
        upload("b.txt", NOTE.replace("Lasix 40 mg daily", "Lasix 20 mg daily"), true);
        upload("c.txt", NOTE.replace("ZQ-448812", "ZQ-000001"), true);

        JsonNode list = http.get("/v1/patients", acme.bearer()).json().get("data");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("externalId").asString())
                .isNotEqualTo(list.get(1).get("externalId").asString());
    }

    @Test
    void aCsvUploadKeepsPseudonymsThatJoinAndShiftedDatesThatKeepTheirIntervals() {
        String patients = """
                patient_id,first_name,last_name,birth_date,sex,phone,email,zip
                MRN-77,Zebulon,Quartermaine,1975-07-22,male,6175550142,zeb.q@example.org,01701
                """;
        String events = """
                patient_id,event_id,date,type,value,unit
                MRN-77,e1,2024-03-01,glucose,104,mg/dL
                MRN-77,e2,2024-03-11,glucose,98,mg/dL
                """;
        assertThat(upload("patients.csv", patients, true).status()).isEqualTo(200);
        assertThat(upload("events.csv", events, true).status()).isEqualTo(200);
        assertThat(upload("patients.csv", patients.replace("male", "M"), true).status())
                .isEqualTo(200);

        JsonNode list = http.get("/v1/patients", acme.bearer()).json().get("data");
        assertThat(list).hasSize(1);
        var patient = http.get("/v1/patients/" + list.get(0).get("id").asLong(), acme.bearer());
        for (String identifier : List.of(
                "MRN-77",
                "Zebulon",
                "Quartermaine",
                "1975-07-22",
                "6175550142",
                "zeb.q",
                "01701",
                "2024-03-01",
                "2024-03-11")) {
            assertThat(patient.text()).doesNotContain(identifier);
        }
        assertThat(patient.json().get("zip").asString()).isEqualTo("017");
        JsonNode shown = patient.json().get("events");
        assertThat(shown).hasSize(2);
        LocalDate first = LocalDate.parse(shown.get(0).get("date").asString().substring(0, 10));
        LocalDate second = LocalDate.parse(shown.get(1).get("date").asString().substring(0, 10));
        assertThat(Math.abs(ChronoUnit.DAYS.between(first, second))).isEqualTo(10);
        LocalDate birth = LocalDate.parse(patient.json().get("birthDate").asString());
        assertThat(ChronoUnit.DAYS.between(birth, first.isBefore(second) ? first : second))
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(1975, 7, 22), LocalDate.of(2024, 3, 1)));
    }

    @Test
    void withoutAnonymizeTheRecordIsKeptAsSent() {
        upload("note.txt", NOTE, false);
        JsonNode list = http.get("/v1/patients", acme.bearer()).json().get("data");
        var patient = http.get("/v1/patients/" + list.get(0).get("id").asLong(), acme.bearer());
        assertThat(patient.json().get("externalId").asString()).isEqualTo("ZQ-448812");
        assertThat(patient.json().get("anonymized").asBoolean()).isFalse();
        assertThat(patient.text()).contains("Quartermaine");
    }

    @Test
    void anOrganizationCanMakeAnonymizationTheDefault() {
        anonymizeUploadsOf(acme);

        var unsaid = http.post(
                UPLOAD,
                new Multipart()
                        .file("file", "note.txt", "text/plain", NOTE.getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                acme.bearer());
        upload("note-again.txt", NOTE.replace("MRN: ZQ-448812", "MRN: ZQ-448813"), false);

        assertThat(unsaid.status()).isEqualTo(200);
        JsonNode list = http.get("/v1/patients", acme.bearer()).json().get("data");
        assertThat(list)
                .extracting(p -> p.get("externalId").asString())
                .anySatisfy(id -> assertThat(id).matches("anon-[a-z2-7]{20}"))
                .contains("ZQ-448813");
    }

    @Test
    void documentsSentLaterForADeidentifiedPatientAreDeidentifiedToo() {
        long id = onePatient("MRN-88", true);
        byte[] pdf = TestFiles.pdf(NOTE.lines().toArray(String[]::new));

        var document = http.post(
                "/v1/documents",
                new Multipart()
                        .field("folder_name", "Lab Results")
                        .field("patient_mrn", "MRN-88")
                        .file("document", "quartermaine.pdf", "application/pdf", pdf),
                acme.clientCredentials());
        var attachment = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(id))
                        .file(
                                "attachments",
                                "note-of-zebulon.txt",
                                "text/plain",
                                NOTE.getBytes(StandardCharsets.UTF_8)),
                acme.tenant());
        var patientPdf = http.post(
                "/patients/" + id + "/pdf",
                new Multipart().field("filename", "quartermaine.pdf").file("file", "q.pdf", "application/pdf", pdf),
                acme.apiKey());
        assertThat(List.of(document.status(), attachment.status(), patientPdf.status()))
                .containsExactly(200, 200, 201);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/v1/patients/" + id, acme.bearer())
                                .json()
                                .get("documents")
                                .size()
                        == 3);

        StringBuilder shown = new StringBuilder();
        for (JsonNode d : http.get("/v1/patients/" + id, acme.bearer()).json().get("documents")) {
            assertThat(d.get("contentType").asString()).startsWith("text/plain");
            URI url = URI.create(d.get("url").asString());
            shown.append(d)
                    .append(http.get(url.getRawPath() + "?" + url.getRawQuery()).text());
        }
        assertThat(shown).contains("metformin 500 mg", "Parkinson disease");
        for (String identifier : IDENTIFIERS) {
            assertThat(shown.toString())
                    .as("documents of the de-identified patient")
                    .doesNotContain(identifier);
        }
    }

    @Test
    void aDocumentForAPatientStoredAsSentBeforeAnonymizationWasTurnedOnIsFiledWithThemDeidentified() {
        long id = onePatient("MRN-77", false);
        anonymizeUploadsOf(acme);

        var document = http.post(
                "/v1/documents",
                new Multipart()
                        .field("folder_name", "Lab Results")
                        .field("patient_mrn", "MRN-77")
                        .file(
                                "document",
                                "quartermaine.pdf",
                                "application/pdf",
                                TestFiles.pdf(NOTE.lines().toArray(String[]::new))),
                acme.clientCredentials());

        assertThat(document.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/v1/patients/" + id, acme.bearer())
                                .json()
                                .get("documents")
                                .size()
                        == 1);
        String shown =
                documentText(http.get("/v1/patients/" + id, acme.bearer()).json());
        assertThat(shown).contains("text/plain", "metformin 500 mg");
        for (String identifier : List.of("ZQ-448812", "555-0142", "Larkspur", "03/14/2024", "Halvorsen", "Marisol")) {
            assertThat(shown).as("the document's text").doesNotContain(identifier);
        }
    }

    /** Uploads Zebulon Quartermaine under {@code mrn} as the organization's only patient, and gives their id. */
    private long onePatient(String mrn, boolean anonymize) {
        String patients = "patient_id,first_name,last_name,birth_date\n" + mrn + ",Zebulon,Quartermaine,1975-07-22\n";
        assertThat(upload("patients.csv", patients, anonymize).status()).isEqualTo(200);
        return http.get("/v1/patients", acme.bearer())
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asLong();
    }

    private String documentText(JsonNode patient) {
        JsonNode documents = patient.get("documents");
        assertThat(documents).hasSize(1);
        URI url = URI.create(documents.get(0).get("url").asString());
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        var file = http.get(path);
        assertThat(file.status()).isEqualTo(200);
        return documents.toString() + file.text();
    }
}
