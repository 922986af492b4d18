package dev.chartroom.jobs;

import java.time.Instant;

/**
 * Thrown by a {@link JobHandler} to fail this attempt and ask that the next one be no earlier than
 * {@code notBefore} (a server's Retry-After, a rate limit). The retry policy still applies: the later
 * of both times wins, and a time past the policy's horizon makes the job dead.
 */
public class RetryLater extends Exception {

    private final transient Instant notBefore;

    /** @param reason what failed, stored on the job; never put keys or patient data here */
    public RetryLater(String reason, Instant notBefore) {
        super(reason, null, false, false);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
