package dev.chartroom.jobs;

import java.time.Instant;

/** A stored job as an organization may see it: no payload. */
record JobSummary(
        String id,
        String type,
        JobStatus status,
        int attempts,
        String lastError,
        Instant runAt,
        Instant enqueuedAt,
        Instant updatedAt) {}
