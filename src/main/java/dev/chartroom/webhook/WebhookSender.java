package dev.chartroom.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends one signed attempt of an event to an endpoint with the JDK's HTTP client. Redirects are not
 * followed (a 3xx is a failure), so a receiver cannot bounce a delivery to an internal address.
 */
final class WebhookSender implements AutoCloseable {

    private static final String USER_AGENT = "Chartroom-Webhooks/1";

    private final Destinations destinations;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(Destinations destinations, Duration connectTimeout, Duration timeout, Clock clock) {
        this.destinations = destinations;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The outcome of one attempt: the answer's status, or an error when there was none.
     *
     * @param retryAfter the receiver's Retry-After as an instant, or null
     */
    record Attempt(Integer statusCode, String error, Instant retryAfter) {

        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        boolean gone() {
            return statusCode != null && statusCode == 410;
        }

        /** A short description without any content of the exchange. */
        String describe() {
            return statusCode != null ? "HTTP " + statusCode : error;
        }
    }

    Attempt send(String url, String secret, String messageId, String body) throws InterruptedException {
        URI uri;
        try {
            uri = destinations.check(url);
        } catch (Destinations.Refused refused) {
            return new Attempt(null, "refused: " + refused.getMessage(), null);
        }
        long timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            // The answer's body is never read: closing the stream drops it, however large or slow.
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            Instant retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
            return new Attempt(response.statusCode(), null, retryAfter);
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "timeout after " + timeout.toMillis() + " ms", null);
        } catch (ConnectException e) {
            return new Attempt(null, "connection failed", null);
        } catch (IOException e) {
            return new Attempt(null, "request failed (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** Retry-After as delay-seconds or an HTTP date; null when it is neither. */
    private Instant retryAfter(String value) {
        String trimmed = value.strip();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : clock.instant().plusSeconds(Math.min(seconds, Duration.ofDays(30).toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
