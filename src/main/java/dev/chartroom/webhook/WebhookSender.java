package dev.chartroom.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one signed attempt of an event to an endpoint. Redirects are not followed (a 3xx is a
 * failure), so a receiver cannot bounce a delivery to an internal address; and the host is looked
 * up once per connection, by {@link Destinations#addresses}, so the connection goes to an address
 * that was checked (no second lookup that a DNS rebinding could answer differently).
 */
final class WebhookSender implements AutoCloseable {

    private static final String USER_AGENT = "Chartroom-Webhooks/1";
    private static final ContentType JSON = ContentType.create("application/json");

    private final Destinations destinations;
    private final Duration timeout;
    private final Clock clock;
    private final CloseableHttpClient client;

    WebhookSender(Destinations destinations, Duration connectTimeout, Duration timeout, Clock clock) {
        this.destinations = destinations;
        this.timeout = timeout;
        this.clock = clock;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(destinations))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(timeout))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(timeout))
                        .build())
                .setUserAgent(USER_AGENT)
                .build();
    }

    /** A refusal by {@link Destinations}, carried through the client's resolver as the lookup's failure. */
    private static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    /** Looks a host up once and hands the client only addresses that passed the check. */
    private record CheckedResolver(Destinations destinations) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return destinations.addresses(host);
            } catch (Destinations.Refused refused) {
                throw new RefusedAddress(refused.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
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
            uri = destinations.checkForm(url);
        } catch (Destinations.Refused refused) {
            return new Attempt(null, "refused: " + refused.getMessage(), null);
        }
        long timestamp = clock.instant().getEpochSecond();
        var request = new HttpPost(uri);
        request.setHeader("webhook-id", messageId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body));
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        // The answer's body is never read: closing the response drops it (and the connection), however large or slow.
        try (var response = client.executeOpen(null, request, null)) {
            Instant retryAfter = response.containsHeader("Retry-After")
                    ? retryAfter(response.getFirstHeader("Retry-After").getValue())
                    : null;
            return new Attempt(response.getCode(), null, retryAfter);
        } catch (RefusedAddress refused) {
            return new Attempt(null, "refused: " + refused.getMessage(), null);
        } catch (UnknownHostException e) {
            return new Attempt(null, "refused: url: the host cannot be resolved.", null);
        } catch (ConnectTimeoutException | HttpHostConnectException e) {
            return new Attempt(null, "connection failed", null);
        } catch (java.net.SocketTimeoutException e) {
            return new Attempt(null, "timeout after " + timeout.toMillis() + " ms", null);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while delivering");
            }
            return new Attempt(null, "timeout after " + timeout.toMillis() + " ms", null);
        } catch (IOException e) {
            return new Attempt(null, "request failed (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** Retry-After as delay-seconds or an HTTP date; null when it is neither. */
    private Instant retryAfter(String value) {
        String trimmed = value.strip();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0
                    ? null
                    : clock.instant()
                            .plusSeconds(Math.min(seconds, Duration.ofDays(30).toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
