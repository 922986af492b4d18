package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.webhook.WebhookReceiver.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Endpoints, signed delivery, retries, 410, Retry-After, replay and tenancy, against a real receiver. */
class WebhooksIT extends ApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookEndpoints endpoints;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSecretStoredInTheClearBeforeEncryptionStillSignsAndIsSealedAtStart() throws Exception {
        TestOrganization acme = newOrganization();
        var created = http().postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer())
                .json();
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();
        jdbc.sql("update webhook_endpoint set secret = :secret where id = :id")
                .param("secret", secret)
                .param("id", id)
                .update();

        String eventId = publish(acme, EventType.CASE_UPDATED, java.util.Map.of("n", 1));
        var request = await().atMost(WAIT)
                .until(receiver::received, r -> r.size() == 1)
                .getFirst();
        assertThat(request.header("webhook-signature"))
                .isEqualTo(Verification.expectedSignature(
                        secret, eventId, request.header("webhook-timestamp"), request.body()));

        endpoints.sealSecretsInTheClear(); // what each node does at start (another node of the run may have done it
        // first)
        assertThat(jdbc.sql("select secret from webhook_endpoint where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .startsWith("v1:");
        assertThat(endpoints.find(acme.organizationId(), id).orElseThrow().secret())
                .isEqualTo(secret);
    }

    @Test
    void anEventArrivesSignedInTheDocumentedShape() throws Exception {
        TestOrganization acme = newOrganization();
        var created = http().postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer());
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.json().get("url").asString()).isEqualTo(receiver.url());
        assertThat(created.json().get("events").toString()).isEqualTo("[\"*\"]");
        String stored = jdbc.sql("select secret from webhook_endpoint where id = :id")
                .param("id", created.json().get("id").asString())
                .query(String.class)
                .single();
        assertThat(stored).as("kept encrypted at rest").startsWith("v1:").doesNotContain(secret.substring(6, 20));
        var data = new LinkedHashMap<String, Object>();
        data.put("document_id", "9988776655443322");
        data.put("patient_mrn", "123456");
        data.put("folder_name", "MedicalRecords");

        String eventId = publish(acme, EventType.DOCUMENT_UPLOADED, data);

        var request = await().atMost(WAIT)
                .until(receiver::received, r -> r.size() == 1)
                .getFirst();
        assertThat(request.header("webhook-id")).isEqualTo(eventId);
        assertThat(request.header("content-type")).isEqualTo("application/json");
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertThat(Math.abs(timestamp - Instant.now().getEpochSecond())).isLessThan(300);
        assertThat(request.header("webhook-signature"))
                .isEqualTo(Verification.expectedSignature(
                        secret, eventId, request.header("webhook-timestamp"), request.body()));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.propertyNames()).containsExactly("id", "object", "created", "type", "data");
        assertThat(body.get("id").asString()).isEqualTo(eventId);
        assertThat(body.get("object").asString()).isEqualTo("event");
        assertThat(body.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(body.get("type").asString()).isEqualTo("document.uploaded");
        assertThat(body.get("data").toString())
                .isEqualTo(
                        "{\"document_id\":\"9988776655443322\",\"patient_mrn\":\"123456\",\"folder_name\":\"MedicalRecords\"}");

        JsonNode delivery = await().atMost(WAIT)
                .until(() -> deliveries(acme, created.json().get("id").asString()), list -> list.size() == 1)
                .getFirst();
        assertThat(delivery.propertyNames())
                .containsExactly("id", "eventId", "type", "attempt", "status", "statusCode", "error", "at");
        assertThat(delivery.get("eventId").asString()).isEqualTo(eventId);
        assertThat(delivery.get("type").asString()).isEqualTo("document.uploaded");
        assertThat(delivery.get("attempt").asInt()).isEqualTo(1);
        assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
        assertThat(delivery.get("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("error").isNull()).isTrue();

        var listed = http().get("/v1/webhooks", acme.bearer()).json().get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(listed.get(0).get("enabled").asBoolean()).isTrue();
    }

    @Test
    void everyEventTypeCanBePublishedAndEndpointsGetOnlyTheirTypes() {
        TestOrganization acme = newOrganization();
        try (var casesOnly = new WebhookReceiver()) {
            register(acme, receiver.url(), null);
            String casesEndpoint = register(acme, casesOnly.url(), "[\"case.created\",\"case.cancelled\"]");

            Map<String, String> ids = transactions.execute(status -> {
                var published = new LinkedHashMap<String, String>();
                for (EventType type : EventType.values()) {
                    published.put(
                            type.value(), events.publish(acme.organizationId(), type, new TestEvent(Map.of("n", 1))));
                }
                return published;
            });

            await().atMost(WAIT).until(() -> receiver.received().size() == EventType.values().length);
            assertThat(receiver.received())
                    .extracting(r -> r.header("webhook-id"))
                    .containsExactlyInAnyOrderElementsOf(ids.values());
            await().atMost(WAIT).until(() -> casesOnly.received().size() == 2);
            assertThat(casesOnly.received())
                    .extracting(r -> r.header("webhook-id"))
                    .containsExactlyInAnyOrder(ids.get("case.created"), ids.get("case.cancelled"));
            // No job was ever queued for the types it did not subscribe to, so nothing else can arrive.
            assertThat(jobsFor(casesEndpoint)).isZero();
            assertThat(deliveries(acme, casesEndpoint)).hasSize(2);
        }
    }

    @Test
    void aReceiverThatWasDownGetsTheSameEventOnRetry() {
        TestOrganization acme = newOrganization();
        receiver.answer(Answer.status(503));
        String endpoint = register(acme, receiver.url(), null);

        String eventId = publish(acme, EventType.PATIENT_CREATED, Map.of("patient_id", 42));

        var requests = await().atMost(WAIT).until(receiver::received, r -> r.size() == 2);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(eventId);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        var log = await().atMost(WAIT).until(() -> deliveries(acme, endpoint), list -> list.size() == 2);
        assertThat(log.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(log.get(0).get("status").asString()).isEqualTo("succeeded");
        assertThat(log.get(1).get("attempt").asInt()).isEqualTo(1);
        assertThat(log.get(1).get("status").asString()).isEqualTo("failed");
        assertThat(log.get(1).get("statusCode").asInt()).isEqualTo(503);
    }

    @Test
    void retryAfterIsHonoured() {
        TestOrganization acme = newOrganization();
        receiver.answer(new Answer(429, Map.of("Retry-After", "1")));
        String endpoint = register(acme, receiver.url(), null);

        publish(acme, EventType.CASE_UPDATED, Map.of("case_id", "c-1"));

        var requests = await().atMost(WAIT).until(receiver::received, r -> r.size() == 2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        var log = await().atMost(WAIT).until(() -> deliveries(acme, endpoint), list -> list.size() == 2);
        assertThat(log.get(1).get("statusCode").asInt()).isEqualTo(429);
    }

    @Test
    void anUnreachableReceiverIsLoggedAndDeletingTheEndpointEndsItsRetries() {
        TestOrganization acme = newOrganization();
        var gone = new WebhookReceiver();
        String url = gone.url();
        gone.close();
        String endpoint = register(acme, url, null);

        publish(acme, EventType.UPLOAD_PROCESSED, Map.of("upload_id", "u-1"));

        JsonNode failed = await().atMost(WAIT)
                .until(() -> deliveries(acme, endpoint), list -> !list.isEmpty())
                .getLast();
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("statusCode").isNull()).isTrue();
        assertThat(failed.get("error").asString()).isEqualTo("connection failed");
        assertThat(http().delete("/v1/webhooks/" + endpoint, acme.bearer()).status())
                .isEqualTo(204);
        await().atMost(WAIT).until(() -> jobsFor(endpoint) == 0);
        assertThat(http().get("/v1/webhooks/" + endpoint + "/deliveries", acme.bearer())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void goneDisablesTheEndpoint() {
        TestOrganization acme = newOrganization();
        receiver.answer(Answer.status(410));
        String endpoint = register(acme, receiver.url(), null);

        publish(acme, EventType.CASE_CREATED, Map.of("case_id", "c-1"));

        JsonNode listed = await().atMost(WAIT)
                .until(
                        () -> http().get("/v1/webhooks", acme.bearer())
                                .json()
                                .get("data")
                                .get(0),
                        e -> !e.get("enabled").asBoolean());
        assertThat(listed.get("disabledReason").asString()).contains("410");
        var log = deliveries(acme, endpoint);
        assertThat(log).hasSize(1);
        assertThat(log.getFirst().get("statusCode").asInt()).isEqualTo(410);
        await().atMost(WAIT).until(() -> jobsFor(endpoint) == 0);

        publish(acme, EventType.CASE_CREATED, Map.of("case_id", "c-2"));

        assertThat(jobsFor(endpoint)).isZero();
        assertThat(receiver.received()).hasSize(1);
        var replay = http().postJson(
                        "/v1/webhooks/" + endpoint + "/deliveries/"
                                + log.getFirst().get("id").asString() + "/replay",
                        "",
                        acme.bearer());
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("error").asString()).isEqualTo("endpoint_disabled");
    }

    @Test
    void aReplaySendsTheSameEventAgainAsANewDelivery() throws Exception {
        TestOrganization acme = newOrganization();
        var created = http().postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer())
                .json();
        String endpoint = created.get("id").asString();
        String eventId = publish(acme, EventType.DOCUMENT_UPLOAD_FAILED, Map.of("document_id", "d-1"));
        JsonNode first = await().atMost(WAIT)
                .until(() -> deliveries(acme, endpoint), list -> list.size() == 1)
                .getFirst();

        var replay = http().postJson(
                        "/v1/webhooks/" + endpoint + "/deliveries/"
                                + first.get("id").asString() + "/replay",
                        "",
                        acme.bearer());

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("eventId").asString()).isEqualTo(eventId);
        var requests = await().atMost(WAIT).until(receiver::received, r -> r.size() == 2);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(eventId);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        var again = requests.get(1);
        assertThat(again.header("webhook-signature"))
                .isEqualTo(Verification.expectedSignature(
                        created.get("secret").asString(), eventId, again.header("webhook-timestamp"), again.body()));
        var log = await().atMost(WAIT).until(() -> deliveries(acme, endpoint), list -> list.size() == 2);
        assertThat(log).extracting(d -> d.get("id").asString()).doesNotHaveDuplicates();
        assertThat(log).extracting(d -> d.get("eventId").asString()).containsOnly(eventId);
        assertThat(log).extracting(d -> d.get("status").asString()).containsOnly("succeeded");
    }

    @Test
    void anotherOrganizationCannotSeeDeleteOrReplayAnEndpoint() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        String endpoint = register(acme, receiver.url(), null);
        publish(acme, EventType.PATIENT_CREATED, Map.of("patient_id", 1));
        String delivery = await().atMost(WAIT)
                .until(() -> deliveries(acme, endpoint), list -> list.size() == 1)
                .getFirst()
                .get("id")
                .asString();

        assertThat(http().get("/v1/webhooks", other.bearer()).json().get("data"))
                .isEmpty();
        assertThat(http().get("/v1/webhooks/" + endpoint + "/deliveries", other.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(http().postJson(
                                "/v1/webhooks/" + endpoint + "/deliveries/" + delivery + "/replay", "", other.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(http().delete("/v1/webhooks/" + endpoint, other.bearer()).status())
                .isEqualTo(404);
        // Its own endpoint id does not unlock another organization's delivery either.
        String otherEndpoint = register(other, receiver.url(), null);
        assertThat(http().postJson(
                                "/v1/webhooks/" + otherEndpoint + "/deliveries/" + delivery + "/replay",
                                "",
                                other.bearer())
                        .status())
                .isEqualTo(404);

        assertThat(http().get("/v1/webhooks", acme.bearer()).json().get("data")).hasSize(1);
        assertThat(deliveries(acme, endpoint)).hasSize(1);
        assertThat(http().get("/v1/webhooks").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"url\":\"ftp://127.0.0.1/x\"}",
                "{\"url\":\"not a url\"}",
                "{\"url\":\"http://user:pw@127.0.0.1/\"}",
                "{\"url\":\"\"}",
                "{\"events\":[\"case.created\"]}",
                "{\"url\":\"http://127.0.0.1/\",\"events\":[\"nope\"]}",
                "{\"url\":\"http://127.0.0.1/\",\"events\":[]}",
                "{\"url\":\"http://127.0.0.1/\",\"events\":\"case.created\"}",
                "[]"
            })
    void invalidRegistrationsAre400(String body) {
        var answer = http().postJson("/v1/webhooks", body, newOrganization().bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isIn("invalid_request", "invalid_url");
    }

    @Test
    void publishingNeedsATransaction() {
        TestOrganization acme = newOrganization();

        assertThatThrownBy(() -> events.publish(acme.organizationId(), EventType.CASE_CREATED, new TestEvent(Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverSent() {
        TestOrganization acme = newOrganization();
        String endpoint = register(acme, receiver.url(), null);

        transactions.executeWithoutResult(status -> {
            events.publish(acme.organizationId(), EventType.CASE_CANCELLED, new TestEvent(Map.of("case_id", "c-9")));
            status.setRollbackOnly();
        });
        String sent = publish(acme, EventType.CASE_CANCELLED, Map.of("case_id", "c-10"));

        await().atMost(WAIT).until(() -> deliveries(acme, endpoint).size() == 1 && jobsFor(endpoint) == 0);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsExactly(sent);
    }

    @Test
    void theOpenApiDescriptionListsTheWebhookAndJobEndpoints() {
        var paths = http().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/v1/webhooks",
                        "/v1/webhooks/{id}",
                        "/v1/webhooks/{id}/deliveries",
                        "/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
                        "/v1/jobs",
                        "/v1/jobs/{id}/revive");
    }

    private String publish(TestOrganization organization, EventType type, Map<String, ?> data) {
        return transactions.execute(status -> events.publish(organization.organizationId(), type, new TestEvent(data)));
    }

    private String register(TestOrganization organization, String url, String events) {
        String body =
                events == null ? "{\"url\":\"" + url + "\"}" : "{\"url\":\"" + url + "\",\"events\":" + events + "}";
        var created = http().postJson("/v1/webhooks", body, organization.bearer());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<JsonNode> deliveries(TestOrganization organization, String endpoint) {
        var answer = http().get("/v1/webhooks/" + endpoint + "/deliveries", organization.bearer());
        assertThat(answer.status()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        answer.json().get("data").forEach(list::add);
        return list;
    }

    /** Delivery jobs still queued (ready, running or dead) for an endpoint. */
    private long jobsFor(String endpoint) {
        return jdbc.sql("select count(*) from job where type = 'webhook.deliver' and payload like :pattern")
                .param("pattern", "%" + endpoint + "%")
                .query(Long.class)
                .single();
    }
}
