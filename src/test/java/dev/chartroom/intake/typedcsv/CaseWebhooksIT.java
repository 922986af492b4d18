package dev.chartroom.intake.typedcsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.webhook.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cases announce themselves: created, then updated or cancelled only when reprocessed. */
class CaseWebhooksIT extends ApplicationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void casesAreAnnouncedWhenCreatedAndWhenReprocessed() {
        TestOrganization acme = newOrganization();
        var http = http();
        http.postJson("/v1/clinicians", "{\"firstName\":\"Linh\",\"lastName\":\"Nguyen\"}", acme.apiKey());
        http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"new-consult-agent\"}", acme.apiKey());
        http.postJson(
                "/v1/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"case.created\",\"case.updated\","
                        + "\"case.cancelled\",\"patient.created\"]}",
                acme.apiKey());
        String row = TypedCsvIT.A1;

        upload(acme, "a_1.csv", TypedCsvIT.HEADER + "\n" + row + "\n");
        upload(acme, "a_2.csv", TypedCsvIT.HEADER + "\n" + row + "\n");
        upload(acme, "a_3.csv", TypedCsvIT.HEADER + "\n" + row.replace("2026-04-20", "2026-04-21") + "\n");
        upload(
                acme,
                "a_4.csv",
                TypedCsvIT.HEADER + "\n" + row.replace("Scheduled", "Cancelled").replace("2026-04-20", "2026-04-21")
                        + "\n");
        upload(
                acme,
                "notes_1.csv",
                "consult-notes",
                "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate\n"
                        + "A-1,\"Medications: metformin 500 mg twice daily.\",Consult,Consult\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 5);
        List<JsonNode> events = receiver.received().stream()
                .map(r -> JsonMapper.builder().build().readTree(r.body()))
                .toList();
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactlyInAnyOrder(
                        "patient.created", "case.created", "case.updated", "case.cancelled", "case.updated");
        // One shape for every case event, the enrichment by consult notes included.
        List<JsonNode> caseEvents = events.stream()
                .filter(e -> e.get("type").asString().startsWith("case."))
                .toList();
        assertThat(caseEvents)
                .allSatisfy(e -> assertThat(e.get("data").propertyNames())
                        .containsExactly(
                                "case_id",
                                "appointment_id",
                                "patient_external_id",
                                "status",
                                "cancel_reason",
                                "agent",
                                "version"));
        assertThat(caseEvents)
                .allSatisfy(
                        e -> assertThat(e.get("data").get("patient_external_id").asString())
                                .isEqualTo("R-1"));
        JsonNode patient = events.stream()
                .filter(e -> e.get("type").asString().equals("patient.created"))
                .findFirst()
                .orElseThrow();
        assertThat(patient.get("data").propertyNames()).containsExactly("patient_id", "external_id", "upload_id");
        JsonNode cancelled = events.stream()
                .filter(e -> e.get("type").asString().equals("case.cancelled"))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.get("object").asString()).isEqualTo("event");
        assertThat(cancelled.get("data").get("appointment_id").asString()).isEqualTo("A-1");
        assertThat(cancelled.get("data").get("cancel_reason").asString()).isEqualTo("appointment_cancelled");
        assertThat(cancelled.get("data").get("version").asInt()).isEqualTo(3);
        JsonNode created = events.stream()
                .filter(e -> e.get("type").asString().equals("case.created"))
                .findFirst()
                .orElseThrow();
        assertThat(created.get("data").get("agent").asString()).isEqualTo("new-consult-agent");
        assertThat(created.get("data").get("patient_external_id").asString()).isEqualTo("R-1");
    }

    private void upload(TestOrganization as, String name, String csv) {
        upload(as, name, "appointments", csv);
    }

    private void upload(TestOrganization as, String name, String type, String csv) {
        var answer = http().post(
                        TypedCsvIT.CSV,
                        new Multipart()
                                .field("type", type)
                                .file("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)),
                        as.apiKey());
        assertThat(answer.status()).isEqualTo(200);
    }
}
