package dev.chartroom.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job queue ({@code chartroom.jobs.*}).
 *
 * @param enabled           whether this node runs jobs (it always accepts them)
 * @param pollInterval      how often an idle worker looks for due jobs (a commit that
 *                          enqueues wakes this node's worker at once)
 * @param batchSize         the most jobs one poll claims
 * @param concurrency       the most jobs this node runs at once
 * @param leaseDuration     how long a claim holds without a heartbeat; a job whose lease expired (its
 *                          node died) is claimed again. Heartbeats run every quarter of it
 * @param maxAttempts       default attempts before a job is dead
 * @param retryInitialDelay default delay after the first failure
 * @param retryMultiplier   default growth of the delay per failure
 * @param retryMaxDelay     default cap of one delay
 * @param retryGiveUpAfter  default horizon after enqueueing past which a job is dead
 * @param shutdownTimeout   how long a stopping node waits for running jobs
 */
@ConfigurationProperties("chartroom.jobs")
record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("8") int concurrency,
        @DefaultValue("2m") Duration leaseDuration,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("10s") Duration retryInitialDelay,
        @DefaultValue("2") double retryMultiplier,
        @DefaultValue("1h") Duration retryMaxDelay,
        @DefaultValue("7d") Duration retryGiveUpAfter,
        @DefaultValue("30s") Duration shutdownTimeout) {

    public JobsProperties {
        if (batchSize < 1
                || concurrency < 1
                || !pollInterval.isPositive()
                || leaseDuration.compareTo(Duration.ofSeconds(4)) < 0) {
            throw new IllegalArgumentException("chartroom.jobs: batch-size and concurrency must be at least 1, "
                    + "poll-interval positive and lease-duration at least 4s");
        }
    }

    RetryPolicy defaultRetryPolicy() {
        return new RetryPolicy(maxAttempts, retryInitialDelay, retryMultiplier, retryMaxDelay, retryGiveUpAfter);
    }
}
