package dev.chartroom.webhook;

import dev.chartroom.jobs.Jobs;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces events to an organization's webhook endpoints: the entry point of the webhook module.
 *
 * <p>{@link #publish} must run inside the transaction of the write the event reports: the event and
 * one delivery job per subscribed endpoint are stored in that transaction, so an event is sent if
 * and only if its write committed, even when the node stops right after. Delivery happens later,
 * from the job queue, signed per Standard Webhooks and retried with backoff.
 */
@Service
public class WebhookEvents {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEvents(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Jobs jobs, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Announces an event of the organization to every enabled endpoint subscribed to its type. The body
     * sent is {@code {"id","object":"event","created","type","data"}} with {@code data} as given (a
     * record of the announcing module, see {@link EventType}); the same id is the {@code webhook-id} of every
     * attempt and replay. When no endpoint subscribes, nothing is stored.
     *
     * @return the event's id
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(OrganizationId organizationId, EventType type, EventData data) {
        return publishAll(organizationId, type, List.of(data)).getFirst();
    }

    /**
     * Announces several events of one type, as {@link #publish} does each, reading the subscribed
     * endpoints once: bulk writers announce thousands at a time, usually to nobody.
     *
     * @return the events' ids, in order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> publishAll(OrganizationId organizationId, EventType type, List<? extends EventData> data) {
        List<String> ids = data.stream().map(d -> UUID.randomUUID().toString()).toList();
        List<WebhookEndpoint> subscribed = endpoints.subscribedTo(organizationId, type.value());
        if (subscribed.isEmpty()) {
            return ids;
        }
        Instant created = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < data.size(); i++) {
            var envelope = new LinkedHashMap<String, Object>();
            envelope.put("id", ids.get(i));
            envelope.put("object", "event");
            envelope.put("created", created.toString());
            envelope.put("type", type.value());
            envelope.put("data", data.get(i));
            var event = new WebhookDeliveries.StoredEvent(ids.get(i), type.value(), json.writeValueAsString(envelope));
            deliveries.insertEvent(organizationId, event, created);
            for (WebhookEndpoint endpoint : subscribed) {
                DeliveryJob.enqueue(jobs, json, organizationId, endpoint.id(), ids.get(i));
            }
        }
        return ids;
    }
}
