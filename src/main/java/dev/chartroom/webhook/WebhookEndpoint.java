package dev.chartroom.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A URL of an organization that receives the events it subscribed to ({@code *}: every type).
 * Disabled when the receiver answered 410 Gone; a disabled endpoint receives nothing more.
 */
record WebhookEndpoint(
        String id,
        String url,
        List<String> events,
        String secret,
        Instant disabledAt,
        String disabledReason,
        Instant createdAt) {

    static final String ALL_EVENTS = "*";

    boolean enabled() {
        return disabledAt == null;
    }

    boolean subscribesTo(String type) {
        return events.contains(ALL_EVENTS) || events.contains(type);
    }
}
