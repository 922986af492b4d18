package dev.chartroom.webhook;

import dev.chartroom.jobs.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code chartroom.webhooks.*}).
 *
 * @param allowPrivateAddresses deliver to loopback, private, link-local, multicast and cloud metadata
 *                              addresses too; default false (set true for on-premise receivers and tests)
 * @param retryInitialDelay     delay after the first failed attempt; default 5s
 * @param retryMultiplier       growth of the delay per failed attempt; default 4
 * @param retryMaxDelay         cap of one delay; default 6h
 * @param giveUpAfter           no attempt later than this after the event; default 24h (about ten attempts)
 * @param connectTimeout        time to connect to a receiver; default 5s
 * @param timeout               time for one attempt to get an answer; default 15s
 * @param secretKey             base64 of 32 bytes that encrypts signing secrets at rest (AES-256-GCM);
 *                              default unset: a random key kept in the database
 */
@ConfigurationProperties("chartroom.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("5s") Duration retryInitialDelay,
        @DefaultValue("4") double retryMultiplier,
        @DefaultValue("6h") Duration retryMaxDelay,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout,
        String secretKey) {

    /** The horizon, not a count, ends the retries; the count only bounds a misconfiguration. */
    RetryPolicy retryPolicy() {
        return new RetryPolicy(100, retryInitialDelay, retryMultiplier, retryMaxDelay, giveUpAfter);
    }
}
