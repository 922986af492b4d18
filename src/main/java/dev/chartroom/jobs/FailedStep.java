package dev.chartroom.jobs;

import java.time.Instant;

/**
 * A derived step of an upload that failed for good, as users see it.
 *
 * @param step     what could not be done: {@value StepFailures#EXTRACTION} or {@value StepFailures#THUMBNAIL}
 * @param failedAt when it was given up
 * @param reason   what happened and what the user can do, without technical detail or patient data
 * @param jobId    the dead job with the technical detail ({@code /v1/jobs?status=dead}); null when none
 */
public record FailedStep(String step, Instant failedAt, String reason, String jobId) {}
