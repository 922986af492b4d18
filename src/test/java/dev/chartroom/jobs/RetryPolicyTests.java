package dev.chartroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTests {

    private static final Instant ENQUEUED = Instant.parse("2025-01-01T00:00:00Z");
    private final RetryPolicy policy =
            new RetryPolicy(6, Duration.ofSeconds(5), 4, Duration.ofHours(6), Duration.ofHours(24));

    @ParameterizedTest
    @CsvSource({
        "1, PT5S",
        "2, PT20S",
        "3, PT1M20S",
        "4, PT5M20S",
        "5, PT21M20S",
        "6, PT1H25M20S",
        "7, PT5H41M20S",
        "8, PT6H",
        "30, PT6H"
    })
    void delaysGrowByTheMultiplierUpToTheCap(int attempt, Duration delay) {
        assertThat(policy.delayAfter(attempt)).isEqualTo(delay);
    }

    @Test
    void theNextAttemptFollowsTheDelay() {
        Instant now = ENQUEUED.plusSeconds(60);
        assertThat(policy.nextAttempt(2, ENQUEUED, now, null)).contains(now.plusSeconds(20));
    }

    @Test
    void aLaterNotBeforeWinsAndAnEarlierOneDoesNot() {
        Instant now = ENQUEUED.plusSeconds(60);
        assertThat(policy.nextAttempt(1, ENQUEUED, now, now.plusSeconds(120))).contains(now.plusSeconds(120));
        assertThat(policy.nextAttempt(1, ENQUEUED, now, now.plusSeconds(1))).contains(now.plusSeconds(5));
    }

    @Test
    void theLastAttemptEndsTheJob() {
        assertThat(policy.nextAttempt(6, ENQUEUED, ENQUEUED, null)).isEmpty();
        assertThat(policy.nextAttempt(5, ENQUEUED, ENQUEUED, null)).isPresent();
    }

    @Test
    void anAttemptPastTheHorizonEndsTheJob() {
        Instant late = ENQUEUED.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(45));
        assertThat(policy.nextAttempt(2, ENQUEUED, late, null)).isPresent();
        assertThat(policy.nextAttempt(5, ENQUEUED, late, null)).isEmpty();
        assertThat(policy.nextAttempt(1, ENQUEUED, ENQUEUED, ENQUEUED.plus(Duration.ofDays(2))))
                .isEmpty();
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(
                        () -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new RetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofSeconds(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
