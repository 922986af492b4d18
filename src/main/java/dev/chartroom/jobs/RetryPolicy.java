package dev.chartroom.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff with a cap, a maximum number of attempts and a horizon.
 *
 * <p>After attempt {@code n} fails, the next one runs {@code initialDelay × multiplier^(n-1)}
 * later (at most {@code maxDelay}), or at a handler's {@link RetryLater} time if that is later. The job
 * is dead instead when {@code maxAttempts} have run or the next attempt would fall after
 * {@code enqueuedAt + giveUpAfter}.
 */
public record RetryPolicy(
        int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, Duration giveUpAfter) {

    public RetryPolicy {
        if (maxAttempts < 1
                || initialDelay.isNegative()
                || multiplier < 1
                || maxDelay.compareTo(initialDelay) < 0
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("invalid retry policy " + maxAttempts + "/" + initialDelay + "/"
                    + multiplier + "/" + maxDelay + "/" + giveUpAfter);
        }
    }

    /** The delay after failed attempt {@code attempt} (1-based), before any Retry-After. */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /**
     * When to run again after failed attempt {@code attempt}; empty when the job should be dead.
     *
     * @param notBefore a handler's earliest time for the next attempt, or null
     */
    public Optional<Instant> nextAttempt(int attempt, Instant enqueuedAt, Instant now, Instant notBefore) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(attempt));
        if (notBefore != null && notBefore.isAfter(next)) {
            next = notBefore;
        }
        return next.isAfter(enqueuedAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
