package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Intake takes what its contract names and says no to the rest: data formats sent as notes, a
 * text file posing as a PDF, paging outside its bounds, impossible dates, JSON text that no
 * database stores faithfully. Each refusal is a 4xx in the endpoint's shape, and nothing is stored.
 */
class HonestIntakeIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";

    TestOrganization acme;
    Http http;

    @BeforeEach
    void organization() {
        acme = newOrganization();
        http = http();
    }

    Http.Response upload(String fileName, byte[] content) {
        return http.post(
                UPLOAD,
                new Multipart()
                        .file("file", fileName, "application/octet-stream", content)
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                acme.bearer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            patient.json           | {"resourceType":"Patient","name":[{"family":"Doe"}]}
            patients.ndjson        | '{"resourceType":"Patient","id":"1"}\n{"resourceType":"Patient","id":"2"}\n'
            JSON without a name    | upload
            page.html              | <!DOCTYPE html><html><body>Patient: Jane Doe</body></html>
            note.txt named .pdf    | 'Patient: Jane Doe\nDOB: 1980-01-01\n'
            note.json but prose    | Patient Jane Doe was seen today.
            """)
    void dataFormatsAndFakePdfsAreNotPatients(String fileName, String content) {
        String name = switch (fileName) {
            case "JSON without a name" -> "upload";
            case "note.txt named .pdf" -> "note.pdf";
            case "note.json but prose" -> "note.json";
            default -> fileName;
        };
        byte[] bytes = (fileName.equals("JSON without a name") ? "[{\"id\":1}]" : content.replace("\\n", "\n"))
                .getBytes(StandardCharsets.UTF_8);

        var answer = upload(name, bytes);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_file_type");
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void aCcdaDocumentIsNotANote() {
        var answer = upload(
                "consult.xml", TestFiles.shared("hl7-ccda-examples-cc0/ccda_embedded_text_surgical_consult.xml"));
        var unnamed =
                upload("consult", TestFiles.shared("hl7-ccda-examples-cc0/ccda_embedded_text_surgical_consult.xml"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_file_type");
        assertThat(answer.json().get("message").asString()).contains("XML");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void notesCsvAndPdfsAreStillPatients() {
        assertThat(upload("note.txt", "Patient: Jane Doe\nDOB: 1980-01-01\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        assertThat(upload("note", "[Redacted] seen for follow-up.\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        assertThat(upload("p.csv", "patient_id,name\np-1,Bo Li\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        assertThat(upload("scan.txt", TestFiles.pdf("Patient: Kim Lee")).status())
                .as("a PDF by its bytes")
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            /v1/patients?limit=-5
            /v1/patients?limit=0
            /v1/patients?limit=1001
            /v1/patients?limit=abc
            /v1/patients?cursor=-1
            /v1/patients?cursor=x
            /v1/cases?limit=-5
            /v1/cases?limit=501
            /v1/uploads?limit=-5
            /v1/uploads?limit=100000
            /v1/audit?limit=-5
            """)
    void pagingOutsideItsBoundsIsRefused(String path) {
        var answer = http.get(path, acme.bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(answer.json().get("message").asString()).isNotBlank();
    }

    @Test
    void pagingWithinItsBoundsWorks() {
        assertThat(http.get("/v1/patients?limit=1", acme.bearer()).status()).isEqualTo(200);
        assertThat(http.get("/v1/patients?limit=1000", acme.bearer()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUL in a name           | {"id":"s-1","name":"Bo\\u0000Li"}
            lone high surrogate     | {"id":"\\ud800","name":"Bo Li"}
            lone low surrogate      | {"id":"s-2","name":"\\udc00"}
            reversed pair           | {"id":"s-3","name":"\\udc00\\ud800"}
            """)
    void jsonTextThatIsNotPlainTextIsRefused(String description, String body) {
        var answer = http.postJson("/v1/staff", body, acme.bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(answer.json().get("message").asString()).contains("NUL").contains("surrogate");
        assertThat(http.get("/v1/staff", acme.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void aPairedSurrogateIsText() {
        var answer = http.postJson("/v1/staff", "{\"id\":\"s-9\",\"name\":\"Bo \\ud83d\\ude00 Li\"}", acme.bearer());

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void anImpossibleBirthDateOnAnAppointmentIsARowError() {
        http.postJson("/v1/clinicians", "{\"firstName\":\"Linh\",\"lastName\":\"Nguyen\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"new-consult-agent\"}", acme.apiKey());
        String csv = """
                AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,AppointmentDate,EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,TestStatus,IntakeCharted
                A-1,R-1,Scheduled,Nguyen,true,2026-04-20,10:30,Maria,Lopez,3000-01-01,4165550123,true,Pending,false
                A-2,R-2,Scheduled,Nguyen,true,2026-04-20,11:30,Ana,Ruiz,0000-00-00,4165550123,true,Pending,false
                A-3,R-3,Scheduled,Nguyen,true,3000-01-01,11:30,Bo,Li,1980-01-01,4165550123,true,Pending,false
                """;

        var answer = http.post(
                "/api/v1/csv",
                new Multipart()
                        .field("type", "appointments")
                        .file("file", "appointments-dates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)),
                acme.apiKey());

        assertThat(answer.status()).isEqualTo(200);
        var report = http.get(
                        "/v1/uploads/"
                                + answer.json().get("data").get("upload_id").asString(),
                        acme.apiKey())
                .json();
        assertThat(report.toString()).contains("\"DOB\"").contains("AppointmentDate");
        assertThat(report.get("counts").get("errors").asInt()).isEqualTo(3);
        var a1 = http.get("/v1/cases?appointmentId=A-1", acme.apiKey())
                .json()
                .get("data")
                .get(0);
        assertThat(a1.get("patient").get("birthDate").isNull()).isTrue();
        assertThat(http.get("/v1/cases?appointmentId=A-3", acme.apiKey()).json().get("data"))
                .isEmpty();
    }
}
