package dev.chartroom.intake.patientupload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The patient upload contract (seeds/patient-upload-api.txt) through real HTTP. */
class PatientUploadIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";
    static final String SEED_PATIENTS = """
            patient_id,name,birth_date,diagnosis
            p-001,Jane Doe,1980-03-12,EPOC
            p-002,John Smith,1975-07-22,Asthma
            """;
    static final String SEED_EVENTS = """
            patient_id,event_id,event_date,event_type,value,unit
            p-001,e-001,2026-01-10,SpO2,94,%
            p-001,e-002,2026-01-10,heart_rate,88,bpm
            p-002,e-001,2026-01-11,SpO2,97,%
            """;

    TestOrganization acme;
    Http http;

    @BeforeEach
    void organization() {
        acme = newOrganization();
        http = http();
        http.postJson("/v1/groups", "{\"id\":\"ward-1\",\"name\":\"Ward 1\"}", acme.bearer());
    }

    Http.Response upload(String fileName, String contentType, byte[] content) {
        return upload(acme, "ward-1", fileName, contentType, content);
    }

    Http.Response upload(TestOrganization as, String group, String fileName, String contentType, byte[] content) {
        return http.post(
                UPLOAD,
                new Multipart()
                        .file("file", fileName, contentType, content)
                        .field("teamId", acme.id())
                        .field("groupId", group)
                        .field("anonymize", "false"),
                as.bearer());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    JsonNode patient(String externalId) {
        var found = http.get("/v1/patients?externalId=" + externalId, acme.bearer())
                .json()
                .get("data");
        assertThat(found).hasSize(1);
        return http.get("/v1/patients/" + found.get(0).get("id").asLong(), acme.bearer())
                .json();
    }

    @Test
    void theSeedsPatientFileStoresOnePatientPerRow() {
        var answer = upload("patients.csv", "text/csv", utf8(SEED_PATIENTS));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).isTrue();
        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(2);
        assertThat(answer.json().has("expectedCount")).isFalse();
        JsonNode jane = patient("p-001");
        assertThat(jane.get("id").isNumber()).isTrue();
        assertThat(jane.get("name").asString()).isEqualTo("Jane Doe");
        assertThat(jane.get("firstName").asString()).isEqualTo("Jane");
        assertThat(jane.get("lastName").asString()).isEqualTo("Doe");
        assertThat(jane.get("birthDate").asString()).isEqualTo("1980-03-12");
        assertThat(jane.get("diagnosis").asString()).isEqualTo("EPOC");
        assertThat(jane.get("groups").get(0).asString()).isEqualTo("ward-1");
        for (String part : List.of("events", "documents", "cases", "medications", "allergies")) {
            assertThat(jane.get(part).isArray()).as(part).isTrue();
        }
    }

    @Test
    void theSeedsEventFileGroupsRowsByPatientAndReuploadsAddNothing() {
        var first = upload("events.csv", "text/csv", utf8(SEED_EVENTS));
        var again = upload("events.csv", "text/csv", utf8(SEED_EVENTS));

        assertThat(first.json().get("patientCount").asInt()).isEqualTo(2);
        assertThat(again.json().get("patientCount").asInt()).isEqualTo(2);
        JsonNode events = patient("p-001").get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("eventId").asString()).isEqualTo("e-001");
        assertThat(events.get(0).get("type").asString()).isEqualTo("SpO2");
        assertThat(events.get(0).get("value").asString()).isEqualTo("94");
        assertThat(events.get(0).get("unit").asString()).isEqualTo("%");
        assertThat(events.get(0).get("date").asString()).isEqualTo("2026-01-10");
        assertThat(patient("p-002").get("events")).hasSize(1);
    }

    @Test
    void twoClientsUploadingTheSameNewEventsAtOnceBothSucceedAndStoreThemOnce() throws Exception {
        var events = new StringBuilder("patient_id,event_id,event_date,event_type,value,unit\n");
        for (int i = 0; i < 3000; i++) {
            events.append("c-")
                    .append(i % 50)
                    .append(",e-")
                    .append(i)
                    .append(",2026-01-10,SpO2,")
                    .append(90 + i % 9)
                    .append(",%\n");
        }
        byte[] file = utf8(events.toString());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var answers = pool.invokeAll(java.util.Collections.nCopies(
                    4, (java.util.concurrent.Callable<Http.Response>) () -> upload("same.csv", "text/csv", file)));
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(200);
                assertThat(answer.get().json().get("patientCount").asInt()).isEqualTo(50);
            }
        }
        assertThat(patient("c-7").get("events")).hasSize(60);
    }

    @Test
    void anEventUploadUpdatesAChangedEventInPlace() {
        upload("events.csv", "text/csv", utf8(SEED_EVENTS));
        upload(
                "events2.csv",
                "text/csv",
                utf8("patient_id,event_id,event_date,event_type,value,unit\np-001,e-001,2026-01-10,SpO2,91,%\n"));

        JsonNode events = patient("p-001").get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("value").asString()).isEqualTo("91");
    }

    @Test
    void aPatientFileUpsertsByPatientIdAndKeepsUnknownColumnsAsAttributes() {
        upload(
                "a.csv",
                "text/csv",
                utf8("patient_id,first_name,last_name,dob,gender,phone,email,zip,insurance\n"
                        + "mrn-7,Ana,Ruiz,05/01/1962,F,(617) 555-0123,ana@example.org,02139,Acme Health\n"));
        upload("b.csv", "text/csv", utf8("patient_id,diagnosis,insurance\nmrn-7,Pneumonia,Other Plan\n"));

        JsonNode ana = patient("mrn-7");
        assertThat(ana.get("name").asString()).isEqualTo("Ana Ruiz");
        assertThat(ana.get("birthDate").asString()).isEqualTo("1962-05-01");
        assertThat(ana.get("sex").asString()).isEqualTo("female");
        assertThat(ana.get("phone").asString()).isEqualTo("+16175550123");
        assertThat(ana.get("email").asString()).isEqualTo("ana@example.org");
        assertThat(ana.get("zip").asString()).isEqualTo("02139");
        assertThat(ana.get("diagnosis").asString()).isEqualTo("Pneumonia");
        assertThat(ana.get("attributes").get("insurance").asString()).isEqualTo("Other Plan");
        assertThat(http.get("/v1/patients?externalId=mrn-7", acme.bearer())
                        .json()
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void messyCsvIsReadRight() {
        String messy = "\uFEFFpatient_id,name,notes\r\n"
                + "p-1,\"Doe, Jane\",\"line one\r\nline two, with comma\"\r\n"
                + "\r\n"
                + "p-2,\"O'Brien \"\"Bo\"\" Pat\",plain\r\n";

        var answer = upload("messy.csv", "text/csv", utf8(messy));

        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(2);
        JsonNode jane = patient("p-1");
        assertThat(jane.get("firstName").asString()).isEqualTo("Jane");
        assertThat(jane.get("lastName").asString()).isEqualTo("Doe");
        assertThat(jane.get("attributes").get("notes").asString()).isEqualTo("line one\r\nline two, with comma");
        assertThat(patient("p-2").get("name").asString()).isEqualTo("O'Brien \"Bo\" Pat");
    }

    @Test
    void rowsThatCannotBeStoredAreCountedAndReported() {
        String csv = "patient_id,name,birth_date\n"
                + "ok-1,Jane Doe,1980-03-12\n"
                + "bad-date,John Roe,1980-13-45\n"
                + "too-long," + "x".repeat(301) + ",1990-01-01\n";

        var answer = upload("rows.csv", "text/csv", utf8(csv));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(2);
        assertThat(answer.json().get("expectedCount").asInt()).isEqualTo(3);
        var report = http.get("/v1/uploads/" + answer.json().get("uploadId").asString(), acme.bearer())
                .json();
        assertThat(report.get("kind").asString()).isEqualTo("patient-csv");
        assertThat(report.get("counts").get("rows").asInt()).isEqualTo(3);
        assertThat(report.get("counts").get("stored").asInt()).isEqualTo(2);
        var errors = report.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("birth_date");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("column").asString()).isEqualTo("name");
        assertThat(patient("bad-date").get("attributes").get("birth_date").asString())
                .isEqualTo("1980-13-45");
    }

    @Test
    void aTextNoteIsOnePatientWithTheDemographicsItStates() {
        String note = "Discharge summary\nPatient: Ana Ruiz\nDOB: 1962-05-01\nSex: F\nMRN: 448812\n"
                + "Diagnosis: community-acquired pneumonia.\nMedications: amoxicillin 500 mg PO TID.\n";

        var answer = upload("note.txt", "text/plain", utf8(note));

        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(1);
        JsonNode ana = patient("448812");
        assertThat(ana.get("name").asString()).isEqualTo("Ana Ruiz");
        assertThat(ana.get("birthDate").asString()).isEqualTo("1962-05-01");
        assertThat(ana.get("sex").asString()).isEqualTo("female");
        assertThat(ana.get("documents")).hasSize(1);
        assertThat(ana.get("documents").get(0).get("contentType").asString()).isEqualTo("text/plain");
        assertThat(ana.get("text").asString()).contains("amoxicillin");
        assertThat(http.get("/v1/patients?q=pneumonia", acme.bearer()).json().get("data"))
                .hasSize(1);
    }

    @Test
    void medicationsAndAllergiesAreReadOutOfTheNoteAfterTheAnswer() {
        String note = "Clinic note\nPatient: Lena Fox\nMRN: 77120\nMedications: metformin 500 mg PO BID; "
                + "Lortab 5/500 one q.6h. p.r.n. pain.\nAllergies: penicillin (hives).\n";

        upload("lena.txt", "text/plain", utf8(note));

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> patient("77120").get("medications").size() == 2);
        JsonNode lena = patient("77120");
        assertThat(lena.get("medications").get(0).get("name").asString()).isEqualToIgnoringCase("metformin");
        assertThat(lena.get("medications").get(0).get("dosage").asString()).isEqualTo("500 mg");
        assertThat(lena.get("medications").get(0).get("ingredients"))
                .extracting(JsonNode::asString)
                .containsExactly("metformin");
        assertThat(lena.get("medications").get(1).get("name").asString()).isEqualTo("Lortab");
        assertThat(lena.get("medications").get(1).get("ingredients"))
                .extracting(JsonNode::asString)
                .containsExactly("acetaminophen", "hydrocodone");
        assertThat(lena.get("medications").get(0).get("source").asString())
                .isEqualTo("document:" + lena.get("documents").get(0).get("id").asString());
        assertThat(lena.get("allergies")).hasSize(1);
        assertThat(lena.get("allergies").get(0).get("substance").asString()).isEqualToIgnoringCase("penicillin");
        assertThat(lena.get("allergies").get(0).get("reaction").asString()).isEqualTo("hives");
    }

    @Test
    void longNamesAreKeptToTheirLimitsNotFailed() {
        String first = "F".repeat(150);
        String last = "L".repeat(150);
        var joined = upload(
                "long.csv", "text/csv", utf8("patient_id,first_name,last_name\nlong-1," + first + "," + last + "\n"));
        var split = upload(
                "long2.csv",
                "text/csv",
                utf8("patient_id,name\nlong-2," + "A".repeat(200) + " " + "B".repeat(99) + "\n"));

        assertThat(joined.status()).isEqualTo(200);
        assertThat(split.status()).isEqualTo(200);
        assertThat(patient("long-1").get("name").asString()).hasSize(300);
        assertThat(patient("long-2").get("firstName").asString()).hasSize(150);
    }

    @Test
    void aNulByteAnywhereMakesAFileNotText() {
        String padding = "x".repeat(9000);
        var note = upload("note.txt", "text/plain", utf8("Patient: Ana Ruiz\n" + padding + "\u0000 tail\n"));
        var csv = upload("p.csv", "text/csv", utf8("patient_id,notes\np-1," + padding + "\u0000\n"));

        assertThat(note.status()).isEqualTo(400);
        assertThat(note.json().get("error").asString()).isEqualTo("invalid_file_type");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void aLatin1NoteIsReadAsLatin1() {
        byte[] note = "Paciente: José Muñoz\nFecha: 2024-01-01\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(upload("nota.txt", "text/plain", note)
                        .json()
                        .get("patientCount")
                        .asInt())
                .isEqualTo(1);
        assertThat(http.get("/v1/patients?q=Muñoz", acme.bearer()).json().get("data"))
                .hasSize(1);
    }

    @Test
    void aPdfIsOnePatientAndTheSameBytesAgainChangeNothing() {
        byte[] pdf = TestFiles.pdf(
                "Clinical history",
                "Patient: Omar Haddad",
                "DOB: 1971-11-30",
                "Lab report: HbA1c 7.9 %",
                "Medications: metformin 850 mg PO BID");

        var first = upload("history.pdf", "application/pdf", pdf);
        var again = upload("history.pdf", "application/pdf", pdf);

        assertThat(first.json().get("patientCount").asInt()).isEqualTo(1);
        assertThat(again.json().get("patientCount").asInt()).isEqualTo(1);
        assertThat(again.json().get("uploadId").asString())
                .isEqualTo(first.json().get("uploadId").asString());
        var found = http.get("/v1/patients?q=Haddad", acme.bearer()).json().get("data");
        assertThat(found).hasSize(1);
        var omar = http.get("/v1/patients/" + found.get(0).get("id").asLong(), acme.bearer())
                .json();
        assertThat(omar.get("birthDate").asString()).isEqualTo("1971-11-30");
        assertThat(omar.get("documents")).hasSize(1);
        assertThat(omar.get("documents").get(0).get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(omar.get("text").asString()).contains("metformin");
    }

    @Test
    void realClinicalPdfsAreAccepted() {
        for (String file : List.of(
                "aws-sample-medical-pdf-mit0/sample_report_1_discharge_summary.pdf",
                "hl7-ccda-examples-cc0/discharge_summary_UD_sample.pdf",
                "hl7-ccda-examples-cc0/labcorp_sample_lab_report_164947.pdf")) {
            var answer = upload("record.pdf", "application/pdf", TestFiles.shared(file));
            assertThat(answer.status()).as(file).isEqualTo(200);
            assertThat(answer.json().get("patientCount").asInt()).as(file).isEqualTo(1);
        }
        assertThat(http.get("/v1/patients?group=ward-1", acme.bearer()).json().get("data"))
                .hasSize(3);
    }

    @Test
    void brokenAndLockedPdfsAreRefusedNeverAFailure() throws Exception {
        var refused = new ArrayList<String>();
        for (var file :
                TestFiles.sharedFiles("pdf-qpdf-testsuite/malformed", ".pdf").subList(0, 25)) {
            var answer =
                    upload(file.getFileName().toString(), "application/pdf", java.nio.file.Files.readAllBytes(file));
            assertThat(answer.status()).as(file.getFileName().toString()).isIn(200, 400);
            if (answer.status() == 400) {
                assertThat(answer.json().get("error").asString()).isEqualTo("invalid_file_type");
                refused.add(file.getFileName().toString());
            }
        }
        var locked = upload("locked.pdf", "application/pdf", TestFiles.shared("pdf-qpdf-testsuite/encrypted/c-r2.pdf"));
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.json().get("error").asString()).isEqualTo("invalid_file_type");
        var truncated = TestFiles.pdf("Patient: Cut Short");
        var cut = upload("cut.pdf", "application/pdf", java.util.Arrays.copyOf(truncated, truncated.length / 3));
        assertThat(cut.status()).isEqualTo(400);
    }

    Http.Response upload(String fileName, byte[] content, String columns) {
        return http.post(
                UPLOAD,
                new Multipart()
                        .file("file", fileName, "text/csv", content)
                        .field("teamId", acme.id())
                        .field("groupId", "ward-1")
                        .field("columns", columns),
                acme.bearer());
    }

    static JsonNode event(JsonNode patient, java.util.function.Predicate<JsonNode> which) {
        var found = new ArrayList<JsonNode>();
        patient.get("events").forEach(e -> {
            if (which.test(e)) {
                found.add(e);
            }
        });
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    List<JsonNode> groupMembers() {
        var members = new ArrayList<JsonNode>();
        http.get("/v1/patients?group=ward-1&limit=1000", acme.bearer())
                .json()
                .get("data")
                .forEach(members::add);
        return members;
    }

    @Test
    void realSyntheaExportsLoadUnedited() {
        byte[] patients = TestFiles.shared("synthea-dbt-ohdsi/patients.csv");
        byte[] observations = TestFiles.shared("synthea-dbt-ohdsi/observations.csv");

        var answer = upload("patients.csv", "text/csv", patients);
        var eventAnswer = upload("observations.csv", "text/csv", observations);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(27);
        assertThat(eventAnswer.status()).as(eventAnswer.text()).isEqualTo(200);
        assertThat(eventAnswer.json().get("patientCount").asInt()).isEqualTo(27);
        var report = http.get(
                        "/v1/uploads/" + eventAnswer.json().get("uploadId").asString(), acme.bearer())
                .json();
        assertThat(report.get("kind").asString()).isEqualTo("event-csv");
        assertThat(report.get("errors")).isEmpty();
        JsonNode maynard = patient("3edac2e3-d223-6fae-d515-daf96ef6bc76");
        assertThat(maynard.get("name").asString()).isEqualTo("Maynard46 Mosciski958");
        assertThat(maynard.get("birthDate").asString()).isEqualTo("2014-10-06");
        assertThat(maynard.get("sex").asString()).isEqualTo("male");
        assertThat(maynard.get("attributes").get("CITY").asString()).isEqualTo("Somerville");
        JsonNode height = event(
                maynard,
                e -> e.get("type").asString().equals("Body Height")
                        && e.get("date").asString().equals("2023-10-10T04:17:47Z"));
        assertThat(height.get("value").asString()).isEqualTo("127.9");
        assertThat(height.get("unit").asString()).isEqualTo("cm");
        List<JsonNode> members = groupMembers();
        assertThat(members).hasSize(27);
        int events = members.stream()
                .mapToInt(p ->
                        patient(p.get("externalId").asString()).get("events").size())
                .sum();
        assertThat(events).isEqualTo(990);

        var patientsAgain = upload("patients.csv", "text/csv", patients);
        var observationsAgain = upload("observations.csv", "text/csv", observations);

        assertThat(patientsAgain.json().get("patientCount").asInt()).isEqualTo(27);
        assertThat(observationsAgain.json().get("patientCount").asInt()).isEqualTo(27);
        assertThat(groupMembers()).hasSize(27);
        assertThat(http.get("/v1/patients?limit=1000", acme.bearer()).json().get("data"))
                .hasSize(27);
        assertThat(members.stream()
                        .mapToInt(p -> patient(p.get("externalId").asString())
                                .get("events")
                                .size())
                        .sum())
                .isEqualTo(990);
    }

    @Test
    void theListPagesThroughAnExport() {
        upload("patients.csv", "text/csv", TestFiles.shared("synthea-dbt-ohdsi/patients.csv"));

        var first = http.get("/v1/patients?group=ward-1&limit=5", acme.bearer()).json();
        assertThat(first.get("data")).hasSize(5);
        assertThat(first.get("nextCursor").isNull()).isFalse();
        var next = http.get(
                        "/v1/patients?group=ward-1&limit=5&cursor="
                                + first.get("nextCursor").asString(),
                        acme.bearer())
                .json();
        assertThat(next.get("data").get(0).get("id").asLong())
                .isGreaterThan(first.get("data").get(4).get("id").asLong());
    }

    @Test
    void realMimicExportsLoadUneditedWithTheirShiftedDates() {
        byte[] patients = TestFiles.shared("mimic3-demo-odbl/PATIENTS.csv");
        byte[] labs = TestFiles.shared("mimic3-demo-odbl/LABEVENTS.csv");

        var answer = upload("PATIENTS.csv", "text/csv", patients);
        var labAnswer = upload("LABEVENTS.csv", "text/csv", labs);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(100);
        assertThat(labAnswer.status()).as(labAnswer.text()).isEqualTo(200);
        assertThat(labAnswer.json().get("patientCount").asInt()).isEqualTo(3);
        JsonNode future = patient("10006");
        assertThat(future.get("birthDate").asString()).isEqualTo("2094-03-05");
        assertThat(future.get("sex").asString()).isEqualTo("female");
        assertThat(future.get("attributes").get("DOD").asString()).isEqualTo("2165-08-12 00:00:00");
        assertThat(future.get("events")).hasSize(30);
        JsonNode lab = event(future, e -> e.get("eventId").asString().equals("6245516"));
        assertThat(lab.get("date").asString()).isEqualTo("2164-11-16 03:05:00");
        assertThat(lab.get("type").asString()).isEqualTo("50800");
        assertThat(lab.get("value").asString()).isEqualTo("ART");
        JsonNode old = patient("40655");
        assertThat(old.get("birthDate").asString()).isEqualTo("1844-07-18");
        assertThat(old.get("events")).hasSize(30);
        assertThat(patient("10124").get("events")).hasSize(30);
        assertThat(groupMembers())
                .hasSize(100)
                .allMatch(p -> !p.get("birthDate").isNull());

        upload("PATIENTS.csv", "text/csv", patients);
        var labsAgain = upload("LABEVENTS.csv", "text/csv", labs);

        assertThat(labsAgain.json().get("patientCount").asInt()).isEqualTo(3);
        assertThat(http.get("/v1/patients?limit=1000", acme.bearer()).json().get("data"))
                .hasSize(100);
        assertThat(patient("10006").get("events")).hasSize(30);
    }

    @Test
    void theColumnsFieldNamesTheColumnsOfAnyOtherCsv() {
        var patients = upload(
                "clinic.csv",
                utf8("MRN,Full Name,DateOfBirth,Ward\nm-1,Jane Doe,1980-03-12,3B\n"),
                "{\"patient_id\":\"MRN\",\"birth_date\":\"DateOfBirth\"}");
        var events = upload(
                "vitals.csv",
                utf8("MRN,Taken,Vital,Reading,Units\nm-1,2026-01-10,SpO2,94,%\nm-1,2026-01-11,SpO2,95,%\n"),
                "{\"patient_id\":\"MRN\",\"event_date\":\"Taken\",\"event_type\":\"Vital\",\"value\":\"Reading\"}");
        upload(
                "vitals.csv",
                utf8("MRN,Taken,Vital,Reading,Units\nm-1,2026-01-10,SpO2,94,%\nm-1,2026-01-11,SpO2,95,%\n"),
                "{\"patient_id\":\"MRN\",\"event_date\":\"Taken\",\"event_type\":\"Vital\",\"value\":\"Reading\"}");

        assertThat(patients.status()).as(patients.text()).isEqualTo(200);
        assertThat(events.status()).as(events.text()).isEqualTo(200);
        JsonNode jane = patient("m-1");
        assertThat(jane.get("name").asString()).isEqualTo("Jane Doe");
        assertThat(jane.get("birthDate").asString()).isEqualTo("1980-03-12");
        assertThat(jane.get("attributes").get("Ward").asString()).isEqualTo("3B");
        assertThat(jane.get("events")).hasSize(2);
        assertThat(jane.get("events").get(0).get("value").asString()).isEqualTo("94");
        assertThat(jane.get("events").get(0).get("unit").asString()).isEqualTo("%");
    }

    @Test
    void aColumnsFieldThatDoesNotFitIsInvalidCsvFormatAndWritesNothing() {
        byte[] file = utf8("MRN,DateOfBirth\nm-1,1980-03-12\n");
        for (String columns :
                List.of("{\"patient_id\":\"MRN\"", "{\"mrn\":\"MRN\"}", "{\"patient_id\":\"PatientNumber\"}")) {
            var answer = upload("clinic.csv", file, columns);
            assertThat(answer.status()).as(columns).isEqualTo(400);
            assertThat(answer.json().get("success").asBoolean()).isFalse();
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_csv_format");
            assertThat(answer.json().get("message").asString()).contains("columns");
        }
        var unmapped = upload("clinic.csv", "text/csv", file);
        assertThat(unmapped.status()).isEqualTo(400);
        assertThat(unmapped.json().get("error").asString()).isEqualTo("invalid_csv_format");
        assertThat(unmapped.json().get("message").asString())
                .startsWith("First column is not patient_id")
                .contains(
                        "Synthea patients.csv (Id, BIRTHDATE, FIRST, LAST, GENDER)",
                        "MIMIC-III PATIENTS.csv (SUBJECT_ID, GENDER, DOB)");
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).isEmpty();
        assertThat(http.get("/v1/uploads", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void anotherOrganizationSeesNoneOfAnExport() {
        upload("PATIENTS.csv", "text/csv", TestFiles.shared("mimic3-demo-odbl/PATIENTS.csv"));
        TestOrganization other = newOrganization();

        assertThat(http.get("/v1/patients?externalId=10006", other.bearer())
                        .json()
                        .get("data"))
                .isEmpty();
        assertThat(http.get("/v1/patients/" + patient("10006").get("id").asLong(), other.bearer())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void patientsJoinTheGivenGroupOnly() {
        http.postJson("/v1/groups", "{\"id\":\"ward-2\",\"name\":\"Ward 2\"}", acme.bearer());
        upload("patients.csv", "text/csv", utf8(SEED_PATIENTS));
        upload(acme, "ward-2", "one.csv", "text/csv", utf8("patient_id,name\np-001,Jane Doe\n"));

        assertThat(http.get("/v1/patients?group=ward-1", acme.bearer()).json().get("data"))
                .hasSize(2);
        assertThat(http.get("/v1/patients?group=ward-2", acme.bearer()).json().get("data"))
                .hasSize(1);
        assertThat(patient("p-001").get("groups")).hasSize(2);
    }

    // The seed's error table, row by row.

    @Test
    void invalidFileType() {
        byte[] docx = "PK\u0003\u0004not really a docx".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] utf16 = TestFiles.shared("csv-edge-cases/w3c-csvw-encodings/test-utf16.csv");

        for (var file : List.of(docx, png, utf16, new byte[0])) {
            var answer = upload("file.pdf", "application/pdf", file);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("success").asBoolean()).isFalse();
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_file_type");
            assertThat(answer.json().get("message").asString()).isNotBlank();
        }
    }

    @Test
    void fileTooLarge() {
        var csv = new StringBuilder("patient_id,name\n");
        while (csv.length() <= 3 * 1024 * 1024) {
            csv.append("p-").append(csv.length()).append(",Name\n");
        }
        var answer = upload("big.csv", "text/csv", utf8(csv.toString()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("file_too_large");
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void invalidCsvFormat() {
        for (String csv : List.of(
                "id,name\n1,Jane\n", "name,patient_id\nJane,p-1\n", "patient_id," + "c,".repeat(1001) + "x\np-1\n")) {
            var answer = upload("bad.csv", "text/csv", utf8(csv));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_csv_format");
        }
    }

    @Test
    void missingPatientIdWritesNothing() {
        var answer = upload("missing.csv", "text/csv", utf8("patient_id,name\np-9,Jane\n,John\n"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("missing_patient_id");
        assertThat(http.get("/v1/patients?externalId=p-9", acme.bearer()).json().get("data"))
                .isEmpty();
        assertThat(http.get("/v1/uploads", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void unauthorized() {
        var form = new Multipart()
                .file("file", "p.csv", "text/csv", utf8(SEED_PATIENTS))
                .field("teamId", acme.id())
                .field("groupId", "ward-1");
        for (var answer : List.of(http.post(UPLOAD, form), http.post(UPLOAD, form, "Authorization", "Bearer wrong"))) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("success").asBoolean()).isFalse();
            assertThat(answer.json().get("error").asString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void forbiddenForAnotherTeam() {
        TestOrganization other = newOrganization();
        var answer = http.post(
                UPLOAD,
                new Multipart()
                        .file("file", "p.csv", "text/csv", utf8(SEED_PATIENTS))
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                other.bearer());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void unknownGroupIs404() {
        var answer = upload(acme, "nope", "p.csv", "text/csv", utf8(SEED_PATIENTS));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asString()).isEqualTo("group_not_found");
    }

    @Test
    void missingFieldsAre400() {
        var noFile =
                http.post(UPLOAD, new Multipart().field("teamId", acme.id()).field("groupId", "ward-1"), acme.bearer());
        var noTeam = http.post(
                UPLOAD,
                new Multipart()
                        .file("file", "p.csv", "text/csv", utf8(SEED_PATIENTS))
                        .field("groupId", "ward-1"),
                acme.bearer());
        var badFlag = http.post(
                UPLOAD,
                new Multipart()
                        .file("file", "p.csv", "text/csv", utf8(SEED_PATIENTS))
                        .field("teamId", acme.id())
                        .field("groupId", "ward-1")
                        .field("anonymize", "maybe"),
                acme.bearer());
        var notMultipart = http.postJson(UPLOAD, "{}", acme.bearer());

        for (var answer : List.of(noFile, noTeam, badFlag, notMultipart)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.json().get("success").asBoolean()).isFalse();
        }
    }

    @Test
    void anotherOrganizationSeesNoneOfIt() {
        upload("patients.csv", "text/csv", utf8(SEED_PATIENTS));
        var answer = upload("events.csv", "text/csv", utf8(SEED_EVENTS));
        TestOrganization other = newOrganization();
        long janeId = patient("p-001").get("id").asLong();

        assertThat(http.get("/v1/patients?externalId=p-001", other.bearer())
                        .json()
                        .get("data"))
                .isEmpty();
        assertThat(http.get("/v1/patients/" + janeId, other.bearer()).status()).isEqualTo(404);
        assertThat(http.get("/v1/uploads/" + answer.json().get("uploadId").asString(), other.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/v1/uploads", other.bearer()).json().get("data")).isEmpty();
    }
}
