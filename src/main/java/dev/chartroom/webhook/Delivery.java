package dev.chartroom.webhook;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint.
 *
 * @param status     {@code succeeded} (a 2xx answer) or {@code failed}
 * @param statusCode the receiver's HTTP status; null when there was no answer
 * @param error      why there was no answer (timeout, connection failed, refused address); null otherwise
 */
record Delivery(
        String id,
        String eventId,
        String type,
        int attempt,
        String status,
        Integer statusCode,
        String error,
        Instant at) {

    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
}
