package dev.chartroom.webhook;

import dev.chartroom.jobs.Jobs;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.web.ConflictException;
import dev.chartroom.web.InvalidRequestException;
import dev.chartroom.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The rules of an organization's endpoints: what may be registered, and replaying a delivery. */
@Service
class WebhookSubscriptions {

    private static final int MAX_ENDPOINTS = 50;
    private static final int MAX_LISTED_DELIVERIES = 100;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Destinations destinations;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookSubscriptions(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            Destinations destinations,
            Jobs jobs,
            JsonMapper json,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /** Registers an endpoint; null events subscribe to every type. The result carries the secret, this once. */
    WebhookEndpoint register(OrganizationId organizationId, String url, List<String> events) {
        try {
            destinations.check(url);
        } catch (Destinations.Refused refused) {
            throw new InvalidRequestException("invalid_url", refused.getMessage());
        }
        if (endpoints.list(organizationId).size() >= MAX_ENDPOINTS) {
            throw new ConflictException(
                    "too_many_endpoints",
                    "An organization can register at most " + MAX_ENDPOINTS + " webhook endpoints.");
        }
        return endpoints.create(
                organizationId, url, subscriptions(events), WebhookSignature.newSecret(random), Instant.now(clock));
    }

    List<WebhookEndpoint> list(OrganizationId organizationId) {
        return endpoints.list(organizationId);
    }

    void delete(OrganizationId organizationId, String endpointId) {
        if (!endpoints.delete(organizationId, endpointId)) {
            throw endpointNotFound();
        }
    }

    List<Delivery> deliveries(OrganizationId organizationId, String endpointId) {
        endpoints.find(organizationId, endpointId).orElseThrow(WebhookSubscriptions::endpointNotFound);
        return deliveries.list(organizationId, endpointId, MAX_LISTED_DELIVERIES);
    }

    /** Sends a delivered (or failed) event to the endpoint again, with the same webhook-id; returns the event id. */
    String replay(OrganizationId organizationId, String endpointId, String deliveryId) {
        var endpoint = endpoints.find(organizationId, endpointId).orElseThrow(WebhookSubscriptions::endpointNotFound);
        var delivery = deliveries
                .find(organizationId, endpointId, deliveryId)
                .orElseThrow(() -> new NotFoundException("delivery_not_found", "No such delivery of this endpoint."));
        if (!endpoint.enabled()) {
            throw new ConflictException("endpoint_disabled", "The endpoint is disabled: " + endpoint.disabledReason());
        }
        DeliveryJob.enqueue(jobs, json, organizationId, endpointId, delivery.eventId());
        return delivery.eventId();
    }

    private static List<String> subscriptions(List<String> events) {
        if (events == null) {
            return List.of(WebhookEndpoint.ALL_EVENTS);
        }
        if (events.isEmpty()) {
            throw new InvalidRequestException(
                    "invalid_request",
                    "events: name at least one event type, or leave events out to receive every type.");
        }
        var distinct = new LinkedHashSet<String>();
        for (String event : events) {
            if (event == null || !(EventType.of(event).isPresent() || event.equals(WebhookEndpoint.ALL_EVENTS))) {
                throw new InvalidRequestException(
                        "invalid_request",
                        "events: unknown event type '" + event + "'. Known types: "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(EventType.values())
                                                .map(EventType::value)
                                                .sorted()
                                                .toList())
                                + ".");
            }
            distinct.add(event);
        }
        return distinct.contains(WebhookEndpoint.ALL_EVENTS)
                ? List.of(WebhookEndpoint.ALL_EVENTS)
                : List.copyOf(distinct);
    }

    private static NotFoundException endpointNotFound() {
        return new NotFoundException("webhook_not_found", "No such webhook endpoint.");
    }
}
