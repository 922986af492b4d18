package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestDatabase;
import dev.chartroom.support.TestOrganization;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one PostgreSQL database, both polling hard in small batches: every event is delivered
 * exactly once. (Two nodes cannot share an H2 file, so this runs on PostgreSQL only.)
 */
class WebhookTwoNodesIT {

    private static final int EVENTS = 40;

    @Test
    void twoNodesDeliverEachEventExactlyOnce() {
        assumeTrue(TestDatabase.postgres(), "two nodes need a shared PostgreSQL database");
        Map<String, String> settings = Map.of(
                "chartroom.admin-token",
                ApplicationTest.ADMIN_TOKEN,
                "chartroom.jobs.poll-interval",
                "20ms",
                "chartroom.jobs.batch-size",
                "2");
        try (var receiver = new WebhookReceiver();
                var a = RunningChartroom.start(ApplicationTest.temporaryFolder(), settings);
                var b = RunningChartroom.start(ApplicationTest.temporaryFolder(), settings)) {
            TestOrganization acme = ApplicationTest.newOrganization(a.http());
            String endpoint = a.http()
                    .postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer())
                    .json()
                    .get("id")
                    .asString();

            Set<String> published = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                var node = i % 2 == 0 ? a : b;
                var events = node.bean(WebhookEvents.class);
                int n = i;
                published.add(node.bean(TransactionTemplate.class)
                        .execute(status -> events.publish(
                                acme.organizationId(), EventType.CASE_UPDATED, new TestEvent(Map.of("n", n)))));
            }

            // A delivery job is deleted only after its attempt: once none is left, nothing more can arrive.
            var jdbc = a.bean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select count(*) from job where type = 'webhook.deliver' and payload like :p")
                                    .param("p", "%" + endpoint + "%")
                                    .query(Long.class)
                                    .single()
                            == 0);
            var ids = receiver.received().stream()
                    .map(r -> r.header("webhook-id"))
                    .toList();
            assertThat(ids).hasSize(EVENTS).doesNotHaveDuplicates();
            assertThat(Set.copyOf(ids)).isEqualTo(published);
            var log = b.http()
                    .get("/v1/webhooks/" + endpoint + "/deliveries", acme.bearer())
                    .json()
                    .get("data");
            assertThat(log).hasSize(EVENTS);
            log.forEach(delivery -> assertThat(delivery.get("attempt").asInt()).isEqualTo(1));
        }
    }
}
