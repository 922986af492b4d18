package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.webhook.WebhookReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pointing chartroom.extraction at an OpenAI-compatible server switches extraction to it with no
 * other change: consult notes are read by the model in a job, and the case is announced after.
 */
class OpenAiProviderIT {

    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final HttpServer model = chatCompletions();
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        model.stop(0);
        receiver.close();
    }

    @Test
    void consultNotesAreReadByTheConfiguredModel() {
        String baseUrl = "http://127.0.0.1:" + model.getAddress().getPort() + "/v1";
        // A database of its own: the other test nodes of the run extract with the built-in rules.
        var settings = new java.util.HashMap<>(dev.chartroom.support.TestDatabase.isolated("openai_provider"));
        settings.putAll(Map.of(
                "chartroom.admin-token", ApplicationTest.ADMIN_TOKEN,
                "chartroom.extraction.provider", "openai",
                "chartroom.extraction.openai.base-url", baseUrl,
                "chartroom.extraction.openai.model", "test-model",
                "chartroom.extraction.openai.api-key", "sk-test-key"));
        try (var chartroom = RunningChartroom.start(ApplicationTest.temporaryFolder(), settings)) {
            var http = chartroom.http();
            TestOrganization acme = ApplicationTest.newOrganization(http);
            http.postJson("/v1/clinicians", "{\"firstName\":\"Linh\",\"lastName\":\"Nguyen\"}", acme.apiKey());
            http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"intake\"}", acme.apiKey());
            http.postJson(
                    "/v1/webhooks",
                    "{\"url\":\"" + receiver.url() + "\",\"events\":[\"case.updated\"]}",
                    acme.apiKey());
            http.post(
                    "/api/v1/csv",
                    new Multipart()
                            .field("type", "appointments")
                            .file(
                                    "file",
                                    "a.csv",
                                    "text/csv",
                                    ("AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,AppointmentDate,"
                                                    + "EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,TestStatus,IntakeCharted\n"
                                                    + "A-1,R-1,Scheduled,Nguyen,true,2026-04-20,10:30,Maria,Lopez,1984-02-11,4165550123,true,Pending,false\n")
                                            .getBytes(StandardCharsets.UTF_8)),
                    acme.apiKey());

            var answer = http.post(
                    "/api/v1/csv",
                    new Multipart()
                            .field("type", "consult-notes")
                            .file(
                                    "file",
                                    "n.csv",
                                    "text/csv",
                                    "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate\nA-1,\"Seen today, stable.\",,\n"
                                            .getBytes(StandardCharsets.UTF_8)),
                    acme.apiKey());

            assertThat(answer.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !receiver.received().isEmpty());
            var a1 = http.get("/v1/cases?appointmentId=A-1", acme.apiKey())
                    .json()
                    .get("data")
                    .get(0);
            assertThat(a1.get("medications").get(0).get("name").asString()).isEqualTo("apixaban");
            assertThat(a1.get("medications").get(0).get("dosage").asString()).isEqualTo("5 mg");
            assertThat(a1.get("medications").get(0).get("source").asString()).isEqualTo("consult-note");
            assertThat(a1.get("allergies").get(0).get("substance").asString()).isEqualTo("latex");
            assertThat(prompts)
                    .anySatisfy(
                            p -> assertThat(p).contains("Seen today, stable.").contains("test-model"));
            assertThat(receiver.received().getFirst().body())
                    .contains("\"case.updated\"")
                    .contains("A-1");
        }
    }

    /** A chat-completions server whose model always finds apixaban and a latex allergy. */
    private HttpServer chatCompletions() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                prompts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String content = "{\\\"medications\\\":[{\\\"name\\\":\\\"apixaban\\\",\\\"dose\\\":\\\"5 mg\\\","
                        + "\\\"route\\\":\\\"PO\\\",\\\"frequency\\\":\\\"BID\\\"}],"
                        + "\\\"allergies\\\":[{\\\"substance\\\":\\\"latex\\\",\\\"reaction\\\":\\\"rash\\\"}]}";
                byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                                + "\"},\"finish_reason\":\"stop\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
