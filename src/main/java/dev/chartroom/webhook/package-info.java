/**
 * Webhook endpoints of organizations, and signed delivery of events to them per the Standard
 * Webhooks scheme: retried with backoff from the durable job queue, logged per attempt, replayable,
 * and refused for internal addresses (SSRF) unless configured otherwise.
 *
 * <p>Other modules announce events with {@link dev.chartroom.webhook.WebhookEvents#publish}, inside
 * the transaction of the write the event reports.
 */
package dev.chartroom.webhook;
