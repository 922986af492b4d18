package dev.chartroom.webhook;

import dev.chartroom.jobs.Job;
import dev.chartroom.jobs.JobHandler;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.jobs.RetryLater;
import dev.chartroom.jobs.RetryPolicy;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one event to one endpoint: one attempt per run, logged as a delivery row. A 2xx answer
 * ends the job; 410 Gone disables the endpoint and ends it; anything else fails the attempt, and the
 * queue retries it per the webhook retry settings (no earlier than a Retry-After), until dead.
 */
@Component
class DeliveryJob implements JobHandler {

    static final String TYPE = "webhook.deliver";
    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    DeliveryJob(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            WebhookSender sender,
            WebhookProperties properties,
            JsonMapper json,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    static String enqueue(
            Jobs jobs, JsonMapper json, OrganizationId organizationId, String endpointId, String eventId) {
        return jobs.enqueueFor(
                organizationId, TYPE, json.writeValueAsString(Map.of("endpointId", endpointId, "eventId", eventId)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RetryPolicy retryPolicy(RetryPolicy defaults) {
        return properties.retryPolicy();
    }

    @Override
    public void run(Job job) throws Exception {
        JsonNode payload = json.readTree(job.payload());
        OrganizationId organizationId = job.organizationId();
        String endpointId = payload.get("endpointId").asString();
        var endpoint = endpoints.find(organizationId, endpointId).orElse(null);
        var event = deliveries
                .event(organizationId, payload.get("eventId").asString())
                .orElse(null);
        if (endpoint == null || event == null || !endpoint.enabled()) {
            return; // deleted or disabled since: nothing to deliver
        }
        var outcome = sender.send(endpoint.url(), endpoint.secret(), event.id(), event.body());
        Instant now = clock.instant();
        try {
            deliveries.record(organizationId, endpointId, event, job.attempt(), outcome, now);
        } catch (DataIntegrityViolationException e) {
            if (endpoints.find(organizationId, endpointId).isEmpty()) {
                return; // deleted while this attempt was under way: its log went with it
            }
            throw e;
        }
        if (outcome.succeeded()) {
            return;
        }
        if (outcome.gone()) {
            endpoints.disable(organizationId, endpointId, "The receiver answered 410 Gone.", now);
            log.info("Webhook endpoint {} disabled: the receiver answered 410 Gone", endpointId);
            return;
        }
        throw new RetryLater(outcome.describe(), outcome.retryAfter());
    }
}
