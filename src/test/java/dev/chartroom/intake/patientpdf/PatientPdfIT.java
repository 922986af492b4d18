package dev.chartroom.intake.patientpdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The patient PDF contract (seeds/upload-patient-pdf.txt) through real HTTP. */
class PatientPdfIT extends ApplicationTest {

    TestOrganization acme;
    Http http;
    long patientId;

    @BeforeEach
    void patient() {
        http = http();
        acme = newOrganization();
        patientId = TestPatients.create(http, acme, "MRN-1", "Jane", "Doe");
    }

    Http.Response upload(String path, byte[] content, String filename, String... headers) {
        return http.post(
                path,
                new Multipart()
                        .file("file", "upload.pdf", "application/pdf", content)
                        .field("filename", filename),
                headers);
    }

    Http.Response upload(byte[] content, String filename) {
        return upload("/patients/" + patientId + "/pdf/", content, filename, acme.apiKey());
    }

    @Test
    void theSeedsRequestStoresThePdfAndAnswersItsShape() {
        byte[] pdf = TestFiles.pdf("Lab report for Jane Doe", "Potassium 4.1 mmol/L");

        var created = upload(pdf, "medical_record.pdf");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.propertyNames()).containsExactly("id", "url", "filename", "created_at", "patient_id");
        assertThat(body.get("id").asString()).matches("pdf_[0-9a-f]{24}");
        assertThat(body.get("filename").asString()).isEqualTo("medical_record.pdf");
        assertThat(body.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(body.get("patient_id").isIntegralNumber()).isTrue();
        assertThat(body.get("patient_id").asLong()).isEqualTo(patientId);
        String url = body.get("url").asString();
        assertThat(url)
                .startsWith(http.baseUrl() + "/files/" + acme.id() + "/"
                        + body.get("id").asString() + "/content?expires=");

        var download = http.get(url);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).contains("medical_record.pdf");

        JsonNode record = http.get("/v1/patients/" + patientId, acme.apiKey()).json();
        JsonNode document = record.get("documents").get(0);
        assertThat(document.get("id").asString()).isEqualTo(body.get("id").asString());
        assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(document.get("status").asString()).isEqualTo("processed");
        assertThat(http.get(document.get("url").asString()).body()).isEqualTo(pdf);
        assertThat(http.get("/v1/documents/" + body.get("id").asString(), acme.apiKey())
                        .json()
                        .get("patientId")
                        .asLong())
                .isEqualTo(patientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/patients/%d/pdf", "/patients/%d/pdf/"})
    void withAndWithoutTheTrailingSlash(String path) {
        var created = upload(path.formatted(patientId), TestFiles.pdf("x"), "x.pdf", acme.apiKey());
        assertThat(created.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aws-sample-medical-pdf-mit0/sample_report_1_discharge_summary.pdf",
                "hl7-ccda-examples-cc0/advance_directive_McBee_L1_20151116.pdf",
                "hl7-ccda-examples-cc0/discharge_summary_UD_sample.pdf",
                "hl7-ccda-examples-cc0/labcorp_sample_lab_report_164947.pdf"
            })
    void realPdfsComeBackByteIdentical(String path) {
        byte[] pdf = TestFiles.shared(path);
        var created = upload(pdf, path.substring(path.lastIndexOf('/') + 1));
        assertThat(created.status()).isEqualTo(201);
        assertThat(http.get(created.json().get("url").asString()).body()).isEqualTo(pdf);
    }

    static Stream<Arguments> refusedFiles() {
        byte[] good = TestFiles.pdf("Lab report");
        byte[] headerThenGarbage = Arrays.copyOf(Arrays.copyOf(good, 120), 2120);
        for (int i = 120; i < headerThenGarbage.length; i++) {
            headerThenGarbage[i] = (byte) (i * 31 + 7);
        }
        return Stream.of(
                Arguments.of("name without .pdf", good, "record.txt", "pdf extension"),
                Arguments.of("name only .pdf", good, ".pdf", "pdf extension"),
                Arguments.of("name with a folder", good, "../x.pdf", "plain file name"),
                Arguments.of("no name", good, "", "filename is required"),
                Arguments.of("PNG bytes named .pdf", TestFiles.png(20, 20), "x.pdf", "not a PDF"),
                Arguments.of("empty file", new byte[0], "x.pdf", "empty"),
                Arguments.of("truncated", Arrays.copyOf(good, good.length / 2), "x.pdf", "incomplete"),
                Arguments.of("header then garbage", headerThenGarbage, "x.pdf", "incomplete"),
                Arguments.of(
                        "encrypted", TestFiles.shared("pdf-qpdf-testsuite/encrypted/c-r2.pdf"), "x.pdf", "password"),
                Arguments.of(
                        "five bytes", TestFiles.shared("pdf-qpdf-testsuite/malformed/bad1.pdf"), "x.pdf", "valid PDF"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedFiles")
    void badFilesAndNamesAre400AndStoreNothing(String what, byte[] content, String filename, String detail) {
        var refused = upload(content, filename);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().propertyNames()).containsExactly("detail");
        assertThat(refused.json().get("detail").asString()).containsIgnoringCase(detail);
        assertThat(http.get("/v1/patients/" + patientId, acme.apiKey()).json().get("documents"))
                .isEmpty();
    }

    @Test
    void missingFileIs400() {
        var refused =
                http.post("/patients/" + patientId + "/pdf", new Multipart().field("filename", "a.pdf"), acme.apiKey());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("file");
    }

    @Test
    void withoutAValidKeyIs401() {
        var none = upload("/patients/" + patientId + "/pdf/", TestFiles.pdf("x"), "a.pdf");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("detail").asString()).contains("X-API-Key");
        var wrong = upload("/patients/" + patientId + "/pdf/", TestFiles.pdf("x"), "a.pdf", "X-API-Key", "nope");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationsPatientIs403AndGetsNothing() {
        TestOrganization other = newOrganization();
        var refused = upload("/patients/" + patientId + "/pdf/", TestFiles.pdf("x"), "a.pdf", other.apiKey());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("your account");
        assertThat(http.get("/v1/patients/" + patientId, acme.apiKey()).json().get("documents"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999", "abc", "-1", "1.5"})
    void unknownPatientsAre404(String id) {
        var refused = upload("/patients/" + id + "/pdf/", TestFiles.pdf("x"), "a.pdf", acme.apiKey());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Patient not found.");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        // Only the head of a 21 MB request is sent: the answer must come before the body is read.
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /patients/" + patientId + "/pdf/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: "
                    + acme.key()
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (21 * 1024 * 1024)
                    + "\r\n\r\n--b\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            String line;
            var response = new StringBuilder();
            while ((line = in.readLine()) != null && !line.contains("detail")) {
                response.append(line);
            }
            assertThat(line).contains("File too large");
        }
        assertThat(http.get("/v1/patients/" + patientId, acme.apiKey()).json().get("documents"))
                .isEmpty();
    }
}
