package dev.chartroom.intake.typedcsv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The typed CSV contract (seeds/csv-upload-api.txt) through real HTTP. */
class TypedCsvIT extends ApplicationTest {

    static final String CSV = "/api/v1/csv";
    static final String HEADER = "Office,AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,"
            + "AppointmentDate,EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,TestStatus,"
            + "IntakeCharted,PharmacyName";
    static final String A1 =
            "Main,A-1,R-1,Scheduled,Nguyen,true,2026-04-20,10:30,Maria,Lopez,1984-02-11,(416) 555-0123,true,Pending,false,Rx Plus";

    TestOrganization acme;
    Http http;

    @BeforeEach
    void organization() {
        acme = newOrganization();
        http = http();
        http.postJson("/v1/clinicians", "{\"firstName\":\"Linh\",\"lastName\":\"Nguyen\"}", acme.apiKey());
        http.postJson(
                "/v1/clinicians", "{\"firstName\":\"Ada\",\"lastName\":\"Okafor\",\"active\":false}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"new-consult-agent\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":false,\"agent\":\"follow-up-agent\"}", acme.apiKey());
    }

    Http.Response upload(String type, String fileName, String content) {
        return upload(acme, type, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    Http.Response upload(TestOrganization as, String type, String fileName, byte[] content) {
        var form = new Multipart().file("file", fileName, "text/csv", content);
        if (type != null) {
            form.field("type", type);
        }
        return http.post(CSV, form, as.apiKey());
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
    }

    JsonNode caseOf(String appointmentId) {
        var data = http.get("/v1/cases?appointmentId=" + appointmentId, acme.apiKey())
                .json()
                .get("data");
        assertThat(data).hasSize(1);
        return data.get(0);
    }

    @Test
    void theSeedsCurlExampleMakesRoutedCases() {
        var answer = upload("appointments", "appointments_20260413.csv", HEADER + "\n" + A1 + "\n");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("message").asString()).isEqualTo("CSV uploaded and processed successfully.");
        assertThat(body.get("data").get("file_name").asString()).isEqualTo("appointments_20260413.csv");
        assertThat(body.get("data").get("type").asString()).isEqualTo("appointments");
        assertThat(body.get("data").get("size").asLong()).isEqualTo((HEADER + "\n" + A1 + "\n").length());
        assertThat(body.get("data").get("uploaded_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode a1 = caseOf("A-1");
        assertThat(a1.get("status").asString()).isEqualTo("active");
        assertThat(a1.get("cancelReason").isNull()).isTrue();
        assertThat(a1.get("agent").asString()).isEqualTo("new-consult-agent");
        assertThat(a1.get("doctor").asString()).isEqualTo("Nguyen");
        assertThat(a1.get("phone").asString()).isEqualTo("+14165550123");
        assertThat(a1.get("scheduledAt").asString()).isEqualTo("2026-04-20T14:30:00Z");
        assertThat(a1.get("newConsult").asBoolean()).isTrue();
        assertThat(a1.get("version").asInt()).isEqualTo(1);
        assertThat(a1.get("details").get("PharmacyName").asString()).isEqualTo("Rx Plus");
        assertThat(a1.get("patient").get("externalId").asString()).isEqualTo("R-1");
        assertThat(a1.get("patient").get("name").asString()).isEqualTo("Maria Lopez");
        assertThat(a1.get("patient").get("birthDate").asString()).isEqualTo("1984-02-11");
        long patientId = a1.get("patient").get("id").asLong();
        var record = http.get("/v1/patients/" + patientId, acme.apiKey()).json();
        assertThat(record.get("phone").asString()).isEqualTo("+14165550123");
        assertThat(record.get("cases").get(0).get("appointmentId").asString()).isEqualTo("A-1");
        assertThat(http.get("/v1/cases?patientExternalId=R-1", acme.apiKey())
                        .json()
                        .get("data"))
                .hasSize(1);
        assertThat(http.get("/v1/cases?status=active", acme.apiKey()).json().get("data"))
                .hasSize(1);
    }

    @Test
    void rowErrorsAreRecordedOnTheUploadNeverFailingIt() {
        String csv = HEADER + "\n" + A1 + "\n"
                + "Main,A-2,R-2,Scheduled,Kowalski,true,2026-04-20,11:00,Tom,Berg,1990-06-01,416-555-0124,false,Pending,false,\n"
                + "Main,A-3,R-3,Scheduled,Okafor,true,2026-04-20,11:00,Ida,Moss,1977-09-09,416-555-0125,false,Pending,false,\n"
                + "Main,A-4,R-4,Scheduled,Nguyen,true,2026-04-31,11:00,Eli,Park,1968-12-24,416-555-0126,false,Pending,false,\n"
                + "Main,A-5,R-5,Scheduled,Nguyen,true,2026-04-21,11:00,Zoe,Chan,2001-01-05,555-01,false,Pending,false,\n";
        String name = unique("appointments");

        var answer = upload("appointments", name, csv);

        assertThat(answer.status()).isEqualTo(200);
        var uploads =
                http.get("/v1/uploads?fileName=" + name, acme.apiKey()).json().get("data");
        assertThat(uploads).hasSize(1);
        var errors = uploads.get(0).get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("AppointmentDoctor");
        assertThat(errors.get(0).get("reason").asString()).contains("Kowalski");
        assertThat(errors.get(1).get("column").asString()).isEqualTo("AppointmentDoctor");
        assertThat(errors.get(2).get("column").asString()).isEqualTo("AppointmentDate");
        assertThat(errors.get(3).get("column").asString()).isEqualTo("Phone");
        assertThat(http.get("/v1/cases?appointmentId=A-2", acme.apiKey()).json().get("data"))
                .isEmpty();
        assertThat(http.get("/v1/cases?appointmentId=A-3", acme.apiKey()).json().get("data"))
                .isEmpty();
        assertThat(http.get("/v1/cases?appointmentId=A-4", acme.apiKey()).json().get("data"))
                .isEmpty();
        assertThat(caseOf("A-5").get("phone").isNull()).isTrue();
        var report = http.get(
                        "/v1/uploads/"
                                + answer.json().get("data").get("upload_id").asString(),
                        acme.apiKey())
                .json();
        assertThat(report.get("counts").get("rows").asInt()).isEqualTo(5);
        assertThat(report.get("counts").get("errors").asInt()).isEqualTo(4);
    }

    @Test
    void aLongFileIsAppliedInChunksAndALaterRowWinsAcrossThem() {
        // Longer than one chunk of AppointmentsUpload, with A-7 repeated near the end: the later row
        // wins and the earlier one gets the row error, though the two are applied in different chunks.
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int appointments = 4_500;
        for (int i = 1; i <= appointments; i++) {
            csv.append(A1.replace("A-1,R-1", "A-" + i + ",R-" + (i % 1_000))).append('\n');
        }
        csv.append(A1.replace("A-1,R-1", "A-7,R-7").replace("Scheduled", "Cancelled"))
                .append('\n');
        String name = unique("appointments");

        var answer = upload("appointments", name, csv.toString());

        assertThat(answer.status()).isEqualTo(200);
        var report = http.get(
                        "/v1/uploads/"
                                + answer.json().get("data").get("upload_id").asString(),
                        acme.apiKey())
                .json();
        assertThat(report.get("counts").get("rows").asInt()).isEqualTo(appointments + 1);
        assertThat(report.get("counts").get("stored").asInt()).isEqualTo(appointments);
        var errors = http.get("/v1/uploads?fileName=" + name, acme.apiKey())
                .json()
                .get("data")
                .get(0)
                .get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(8);
        assertThat(errors.get(0).get("reason").asString()).contains("line " + (appointments + 2));
        assertThat(caseOf("A-7").get("status").asString()).isEqualTo("cancelled");
        assertThat(caseOf("A-7").get("version").asInt()).isEqualTo(1);
        assertThat(caseOf("A-1").get("status").asString()).isEqualTo("active");
        assertThat(caseOf("A-" + appointments).get("patient").get("externalId").asString())
                .isEqualTo("R-500");
        assertThat(caseOf("A-2001").get("patient").get("id").asLong())
                .isEqualTo(caseOf("A-1001").get("patient").get("id").asLong());
    }

    @Test
    void theSameFileNameAndTypeAgainIsANoOp() {
        String name = unique("appointments");
        upload("appointments", name, HEADER + "\n" + A1 + "\n");
        String changed = A1.replace("Scheduled", "Cancelled");

        var again = upload("appointments", name, HEADER + "\n" + changed + "\n");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("success").asBoolean()).isTrue();
        assertThat(again.json().get("message").asString()).contains("already");
        assertThat(caseOf("A-1").get("status").asString()).isEqualTo("active");
        assertThat(http.get("/v1/uploads?fileName=" + name, acme.apiKey())
                        .json()
                        .get("data"))
                .hasSize(1);
        var asMedications =
                upload("medications", name, "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\n");
        assertThat(asMedications.json().get("message").asString())
                .isEqualTo("CSV uploaded and processed successfully.");
    }

    @ParameterizedTest(name = "changing {0} reprocesses")
    @CsvSource(textBlock = """
            AppointmentDate,         2026-04-20, 2026-04-27, active
            AppointmentStatus,       Scheduled,  Waitlist,   cancelled
            AppointmentDoctor,       Nguyen,     Okafor,     cancelled
            Virtual,                 true,       false,      cancelled
            IntakeCharted,           false,      true,       cancelled
            TestStatus,              Pending,    Removed,    cancelled
            """)
    void aReuploadReprocessesOnlyWhenAWatchedFieldChanged(String field, String from, String to, String status) {
        upload("appointments", unique("appointments"), HEADER + "\n" + A1 + "\n");
        String unwatchedChange = A1.replace("10:30", "11:45").replace("Rx Plus", "Other Pharmacy");
        upload("appointments", unique("appointments"), HEADER + "\n" + unwatchedChange + "\n");
        assertThat(caseOf("A-1").get("version").asInt())
                .as("unwatched fields do not reprocess")
                .isEqualTo(1);
        assertThat(caseOf("A-1").get("scheduledAt").asString()).isEqualTo("2026-04-20T14:30:00Z");

        List<String> columns = List.of(HEADER.split(","));
        String[] values = A1.split(",", -1);
        assertThat(values[columns.indexOf(field)]).isEqualTo(from);
        values[columns.indexOf(field)] = to;
        upload("appointments", unique("appointments"), HEADER + "\n" + String.join(",", values) + "\n");

        JsonNode a1 = caseOf("A-1");
        assertThat(a1.get("version").asInt()).isEqualTo(2);
        assertThat(a1.get("status").asString()).isEqualTo(status);
    }

    @Test
    void medicationsEnrichThePatientsCasesWithFallbacks() {
        upload(
                "appointments",
                unique("appointments"),
                HEADER + "\n" + A1 + "\n" + A1.replace("A-1", "A-9").replace("2026-04-20", "2026-05-20") + "\n");
        String meds = "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted,Route\n"
                + "R-1,Metformin,500 mg,,BID,2025-01-01,PO\n"
                + "R-1,Atorvastatin,,20 mg,,2024-06-01,\n"
                + "R-1,,10 mg,,daily,2024-01-01,PO\n"
                + "R-1,Aspirin,,,,,\n"
                + "R-404,Lisinopril,10 mg,,daily,2024-01-01,PO\n";

        var answer = upload("medications", unique("medications"), meds);

        assertThat(answer.status()).isEqualTo(200);
        for (String appointmentId : List.of("A-1", "A-9")) {
            JsonNode medications = caseOf(appointmentId).get("medications");
            assertThat(medications).hasSize(3);
            assertThat(medications.get(0).get("name").asString()).isEqualTo("Metformin");
            assertThat(medications.get(0).get("dosage").asString()).isEqualTo("500 mg");
            assertThat(medications.get(0).get("frequency").asString()).isEqualTo("BID");
            assertThat(medications.get(0).get("duration").asString()).isEqualTo("2025-01-01");
            assertThat(medications.get(0).get("route").asString()).isEqualTo("PO");
            assertThat(medications.get(0).get("source").asString()).isEqualTo("csv");
            assertThat(medications.get(1).get("dosage").asString()).isEqualTo("20 mg");
            assertThat(medications.get(1).get("frequency").asString()).isEqualTo("unknown");
            assertThat(medications.get(1).get("route").asString()).isEqualTo("unknown");
            assertThat(medications.get(2).get("dosage").asString()).isEqualTo("unknown");
            assertThat(medications.get(2).get("duration").asString()).isEqualTo("unknown");
        }
        var report = http.get(
                        "/v1/uploads/"
                                + answer.json().get("data").get("upload_id").asString(),
                        acme.apiKey())
                .json();
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(6);

        upload(
                "medications",
                unique("medications"),
                "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\nR-1,Metformin,1000 mg,,BID,2025-01-01\n");
        JsonNode replaced = caseOf("A-1").get("medications");
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0).get("dosage").asString()).isEqualTo("1000 mg");
    }

    @Test
    void consultNotesAreGroupedByAppointmentKeptOnTheCaseAndReadForFacts() {
        upload("appointments", unique("appointments"), HEADER + "\n" + A1 + "\n");
        String notes = "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate,VPTextId\n"
                + "A-1,\"Allergic to penicillin (hives). Currently taking lisinopril 10 mg PO daily.\",,Consult,1\n"
                + "A-1,\"Uses albuterol inhaler 2 puffs PRN.\",History,Template,2\n"
                + "A-1,,Empty,,3\n"
                + "A-1,\"Follow up in 2 weeks.\",,,4\n"
                + "A-404,\"Taking aspirin 81 mg daily.\",Consult,,5\n";

        var answer = upload("consult-notes", unique("consult-notes"), notes);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode a1 = caseOf("A-1");
        assertThat(a1.get("notes"))
                .extracting(n -> n.get("category").asString())
                .containsExactly("Consult", "History", "Unknown");
        assertThat(a1.get("medications"))
                .extracting(m -> m.get("name").asString().toLowerCase())
                .containsExactly("lisinopril", "albuterol");
        assertThat(a1.get("medications").get(0).get("source").asString()).isEqualTo("consult-note");
        assertThat(a1.get("medications").get(0).get("dosage").asString()).isEqualTo("10 mg");
        assertThat(a1.get("allergies")).hasSize(1);
        assertThat(a1.get("allergies").get(0).get("substance").asString()).isEqualToIgnoringCase("penicillin");
        assertThat(a1.get("allergies").get(0).get("reaction").asString()).isEqualTo("hives");
        assertThat(a1.get("allergies").get(0).get("source").asString()).isEqualTo("consult-note");
        var report = http.get(
                        "/v1/uploads/"
                                + answer.json().get("data").get("upload_id").asString(),
                        acme.apiKey())
                .json();
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(6);

        upload("consult-notes", unique("consult-notes"), notes);
        JsonNode again = caseOf("A-1");
        assertThat(again.get("notes")).as("the same notes are kept once").hasSize(3);
        assertThat(again.get("medications"))
                .as("re-reading replaces, never duplicates")
                .hasSize(2);
        var patient = http.get("/v1/patients/" + again.get("patient").get("id").asLong(), acme.apiKey())
                .json();
        assertThat(patient.get("medications")).hasSize(2);
        assertThat(patient.get("allergies")).hasSize(1);
    }

    @Test
    void overLongValuesAreRowErrorsNotFailures() {
        String longVirtual = A1.replace(",true,2026-04-20", "," + "t".repeat(50) + ",2026-04-20")
                .replace("A-1,R-1", "A-7,R-7");
        String longNames = A1.replace("Maria,Lopez", "M".repeat(150) + "," + "L".repeat(150))
                .replace("A-1,R-1", "A-8,R-8");
        String name = unique("appointments");

        var answer = upload("appointments", name, HEADER + "\n" + longVirtual + "\n" + longNames + "\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(http.get("/v1/cases?appointmentId=A-7", acme.apiKey()).json().get("data"))
                .isEmpty();
        assertThat(caseOf("A-8").get("patient").get("name").asString()).hasSize(300);
        var errors = http.get("/v1/uploads?fileName=" + name, acme.apiKey())
                .json()
                .get("data")
                .get(0)
                .get("errors");
        assertThat(errors).extracting(e -> e.get("column").asString()).contains("Virtual");
    }

    @Test
    void twoFilesCreatingTheSameCasesAtOnceBothSucceed() throws Exception {
        var rows = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 300; i++) {
            rows.append(A1.replace("A-1,R-1", "P-" + i + ",RP-" + i)).append("\n");
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            java.util.concurrent.Callable<Http.Response> uploadAll =
                    () -> upload("appointments", unique("parallel"), rows.toString());
            var answers = pool.invokeAll(List.of(uploadAll, uploadAll, uploadAll));
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(200);
            }
        }
        assertThat(caseOf("P-299").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aNulByteAfterTheFirstKilobytesIsRefused() {
        String meds = "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\nR-1,X,1 mg,,," + "y".repeat(9000)
                + "\u0000\n";

        var answer = upload("medications", unique("nul"), meds);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void withoutRoutingRulesAppointmentsAre422() {
        TestOrganization bare = newOrganization();

        var answer = upload(
                bare,
                "appointments",
                unique("appointments"),
                (HEADER + "\n" + A1 + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        assertThat(answer.json().get("error").asString()).isEqualTo("no_routing_rules");
        assertThat(upload(
                                bare,
                                "medications",
                                unique("medications"),
                                "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\n"
                                        .getBytes(StandardCharsets.UTF_8))
                        .status())
                .as("only appointments need routing rules")
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            type missing              | null          | meds.csv  | PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\\nR-1,X,1,,,\\n | missing_type
            type unknown              | labs          | meds.csv  | PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\\nR-1,X,1,,,\\n | invalid_type
            not .csv                  | medications   | meds.txt  | PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\\nR-1,X,1,,,\\n | invalid_file_type
            empty file                | medications   | empty.csv | ''                                                                          | empty_file
            header without a comma    | medications   | one.csv   | PatientRecordId\\nR-1\\n                                                     | invalid_csv_format
            missing required column   | medications   | cols.csv  | PatientRecordId,Dose\\nR-1,5 mg\\n                                           | missing_columns
            case-sensitive headers    | medications   | case.csv  | patientrecordid,medicationname,dose,strength,sig,datestarted\\nR-1,X,,,,\\n | missing_columns
            binary content            | medications   | bin.csv   | PatientRecordId,MedicationName\\u0000\\n                                     | invalid_file_type
            """)
    void documentedErrorsAre400(String description, String type, String fileName, String content, String code) {
        String text = content.replace("\\n", "\n").replace("\\u0000", "\u0000");

        var answer = upload(acme, type, fileName, text.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        assertThat(answer.json().get("error").asString()).isEqualTo(code);
        assertThat(answer.json().get("message").asString()).isNotBlank();
    }

    @Test
    void notUtf8Is400() {
        byte[] latin1 = "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\nR-1,Caféine,5 mg,,,\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        var answer = upload(acme, "medications", "latin1.csv", latin1);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_encoding");
    }

    @Test
    void aMissingFileIs400() {
        var answer = http.post(CSV, new Multipart().field("type", "medications"), acme.apiKey());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("missing_file");
    }

    @Test
    void rowLimitsPerType() {
        var meds = new StringBuilder("PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\n");
        for (int i = 0; i < 5001; i++) {
            meds.append("R-").append(i).append(",Drug,1 mg,,,\n");
        }
        var notes = new StringBuilder("AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate\n");
        for (int i = 0; i < 501; i++) {
            notes.append("A-").append(i).append(",text,,\n");
        }

        assertThat(upload("medications", unique("m"), meds.toString())
                        .json()
                        .get("error")
                        .asString())
                .isEqualTo("too_many_rows");
        assertThat(upload("consult-notes", unique("c"), notes.toString())
                        .json()
                        .get("error")
                        .asString())
                .isEqualTo("too_many_rows");
    }

    @Test
    void overTenMegabytesIs413() {
        String big = "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted,Notes\nR-1,X,1 mg,,,,"
                + "a".repeat(10 * 1024 * 1024) + "\n";

        var answer = upload("medications", "huge.csv", big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void noKeyIs401AndAnotherOrganizationSeesNothing() {
        upload("appointments", unique("appointments"), HEADER + "\n" + A1 + "\n");
        TestOrganization other = newOrganization();

        var anonymous = http.post(
                CSV,
                new Multipart()
                        .field("type", "medications")
                        .file("file", "m.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("success").asBoolean()).isFalse();
        assertThat(http.get("/v1/cases", other.apiKey()).json().get("data")).isEmpty();
        assertThat(http.get("/v1/cases/A-1", other.apiKey()).status()).isEqualTo(404);
        assertThat(http.get("/v1/uploads", other.apiKey()).json().get("data")).isEmpty();
    }
}
