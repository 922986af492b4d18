package dev.chartroom.jobs;

import dev.chartroom.tenant.OrganizationId;
import java.time.Instant;

/**
 * One claimed job, as its handler sees it.
 *
 * @param id             the job's id
 * @param type           the handler type it was enqueued for
 * @param organizationId the organization the job works for; null for system jobs
 * @param payload        the JSON the enqueuer gave
 * @param attempt        1 on the first run, 2 on the first retry, …
 * @param enqueuedAt     when it was enqueued (or last revived from dead); retry horizons count from here
 */
public record Job(
        String id, String type, OrganizationId organizationId, String payload, int attempt, Instant enqueuedAt) {}
