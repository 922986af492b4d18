package dev.chartroom.webhook;

import dev.chartroom.jobs.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code chartroom.webhooks.*}).
 *
 * @param allowPrivateAddresses deliver to loopback, private, link-local, multicast and cloud metadata
 *                              addresses too (set true for on-premise receivers and tests)
 * @param retryInitialDelay     delay after the first failed attempt
 * @param retryMultiplier       growth of the delay per failed attempt
 * @param retryMaxDelay         cap of one delay
 * @param retryGiveUpAfter      no attempt later than this after the event (about ten attempts)
 * @param connectTimeout        time to connect to a receiver
 * @param timeout               time for one attempt to get an answer
 * @param secretKey             base64 of 32 bytes that encrypts signing secrets at rest (AES-256-GCM);
 *                              unset: a random key kept in the database
 */
@ConfigurationProperties("chartroom.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("5s") Duration retryInitialDelay,
        @DefaultValue("4") double retryMultiplier,
        @DefaultValue("6h") Duration retryMaxDelay,
        @DefaultValue("24h") Duration retryGiveUpAfter,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout,
        String secretKey) {

    /** The horizon, not a count, ends the retries; the count only bounds a misconfiguration. */
    RetryPolicy retryPolicy() {
        return new RetryPolicy(100, retryInitialDelay, retryMultiplier, retryMaxDelay, retryGiveUpAfter);
    }
}
