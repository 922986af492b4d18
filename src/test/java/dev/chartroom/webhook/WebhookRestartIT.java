package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestDatabase;
import dev.chartroom.support.TestOrganization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An event queued by a node that stops before delivering it is delivered by the next start: nothing is lost. */
class WebhookRestartIT {

    @Test
    void anEventQueuedBeforeARestartIsDeliveredAfterIt() {
        Path data = ApplicationTest.temporaryFolder();
        String admin = "chartroom.admin-token";
        try (var receiver = new WebhookReceiver()) {
            TestOrganization acme;
            String endpoint;
            String eventId;
            try (var first = RunningChartroom.start(
                    data, Map.of(admin, ApplicationTest.ADMIN_TOKEN, "chartroom.jobs.enabled", "false"))) {
                acme = ApplicationTest.newOrganization(first.http());
                endpoint = first.http()
                        .postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer())
                        .json()
                        .get("id")
                        .asString();
                var events = first.bean(WebhookEvents.class);
                eventId = first.bean(TransactionTemplate.class)
                        .execute(status -> events.publish(
                                acme.organizationId(),
                                EventType.PATIENT_CREATED,
                                new TestEvent(Map.of("patient_id", 7))));
                if (!TestDatabase.postgres()) {
                    // On H2 this node is alone with its database; on PostgreSQL another test's node may deliver it
                    // already.
                    assertThat(first.bean(JdbcClient.class)
                                    .sql("select status from job where payload like :p")
                                    .param("p", "%" + eventId + "%")
                                    .query(String.class)
                                    .single())
                            .isEqualTo("ready");
                }
            }

            try (var second = RunningChartroom.start(data, Map.of(admin, ApplicationTest.ADMIN_TOKEN))) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> receiver.received().size() == 1);
                assertThat(receiver.received().getFirst().header("webhook-id")).isEqualTo(eventId);
                var log = await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> second.http()
                                        .get("/v1/webhooks/" + endpoint + "/deliveries", acme.bearer())
                                        .json()
                                        .get("data"),
                                list -> list.size() == 1);
                assertThat(log.get(0).get("status").asString()).isEqualTo("succeeded");
            }
        }
    }
}
