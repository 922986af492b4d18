package dev.chartroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits every request lives within, answered in the endpoint's own shape: a JSON body over its
 * limit (declared or streamed), a body that stops arriving, a file name too long to be one.
 */
class RequestLimitsIT {

    static RunningChartroom chartroom;
    static Http http;
    static TestOrganization acme;
    static int port;

    @BeforeAll
    static void start() {
        // A short read timeout, so a stalled body is given up on in about a second here.
        chartroom = RunningChartroom.start(
                ApplicationTest.temporaryFolder(),
                Map.of("chartroom.admin-token", ApplicationTest.ADMIN_TOKEN, "server.tomcat.connection-timeout", "1s"));
        http = chartroom.http();
        acme = ApplicationTest.newOrganization(http);
        port = URI.create(http.baseUrl()).getPort();
    }

    @AfterAll
    static void stop() {
        chartroom.close();
    }

    @Test
    void aJsonBodyOverItsLimitIsRefusedBeforeItIsRead() {
        String big = "{\"id\":\"g\",\"name\":\"" + "a".repeat(1_100_000) + "\"}";

        var tenant = http.postJson("/v1/groups", big, acme.bearer());
        var admin =
                http.postJson("/admin/v1/organizations", big, "Authorization", "Bearer " + ApplicationTest.ADMIN_TOKEN);

        for (var answer : new Http.Response[] {tenant, admin}) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().get("error").asString()).isEqualTo("payload_too_large");
        }
        assertThat(http.get("/v1/groups", acme.bearer()).json().get("data").toString())
                .doesNotContain("\"g\"");
    }

    @Test
    void aJsonBodyWithoutALengthIsCutOffWhileStreaming() throws Exception {
        byte[] big = ("{\"id\":\"g\",\"name\":\"" + "a".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create(http.baseUrl() + "/v1/groups"))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", acme.key())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                    .build();

            var answer = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(JsonMapper.shared().readTree(answer.body()).get("error").asString())
                    .isEqualTo("payload_too_large");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/pandora/upload-v2/upload | bearer | multipart | success
            /api/v1/csv                   | apiKey | multipart | success
            /v1/documents                 | client | multipart | success
            /patients/1/pdf               | apiKey | multipart | detail
            /attachments/bulk             | tenant | multipart | detail
            /v1/groups                    | bearer | json      | error
            """)
    void aBodyThatStopsArrivingIs408InTheEndpointsShape(String path, String style, String kind, String shape)
            throws IOException {
        String credentials = switch (style) {
            case "bearer" -> "Authorization: Bearer " + acme.key();
            case "apiKey" -> "X-API-Key: " + acme.key();
            case "tenant" -> "API-KEY: " + acme.key() + "\r\nTENANT: " + acme.id();
            default ->
                "client_id: " + acme.clientId() + "\r\nclient_secret: " + acme.clientSecret() + "\r\naccess_token: "
                        + acme.id();
        };
        String type = kind.equals("json") ? "application/json" : "multipart/form-data; boundary=b";
        String start = kind.equals("json")
                ? "{\"id\":\"x\","
                : "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\npatient_id,name\n";
        Instant sent = Instant.now();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials + "\r\nContent-Type: "
                                    + type + "\r\nContent-Length: 1000000\r\n\r\n" + start)
                            .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("{");
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(20));
            JsonNode body =
                    JsonMapper.shared().readTree(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
            assertThat(body.has(shape)).as(answer).isTrue();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Test
    void aFileNameTooLongToBeOneIs400OrTheContracts422() {
        long patientId = TestPatients.create(http, acme, "mrn-long-name", "Ana", "Ruiz");
        String name = "n".repeat(5000) + ".pdf";
        byte[] pdf = TestFiles.pdf("x");

        var upload = http.post(
                "/api/pandora/upload-v2/upload",
                new Multipart()
                        .file("file", name, "application/pdf", pdf)
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                acme.bearer());
        var patientPdf = http.post(
                "/patients/" + patientId + "/pdf",
                new Multipart().file("file", name, "application/pdf", pdf).field("filename", "a.pdf"),
                acme.apiKey());
        var csv = http.post(
                "/api/v1/csv",
                new Multipart()
                        .field("type", "medications")
                        .file(
                                "file",
                                "n".repeat(5000) + ".csv",
                                "text/csv",
                                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                acme.apiKey());
        var attachments = http.post(
                "/attachments/bulk",
                new Multipart()
                        .field("patient_id", Long.toString(patientId))
                        .file("attachments", name, "application/pdf", pdf),
                acme.tenant());

        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.json().get("error").asString()).isEqualTo("invalid_file_name");
        assertThat(upload.json().get("message").asString())
                .contains("5004 characters")
                .contains("255");
        assertThat(patientPdf.status()).isEqualTo(400);
        assertThat(patientPdf.json().get("detail").asString()).contains("255");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("error").asString()).isEqualTo("invalid_file_name");
        assertThat(attachments.status()).isEqualTo(422);
        assertThat(attachments.json().get("detail").get(0).get("msg").asString())
                .contains("255");
    }
}
