package dev.chartroom.upload;

import dev.chartroom.jobs.FailedStep;
import java.time.Instant;
import java.util.List;

/**
 * The report of one upload.
 *
 * @param failedSteps derived steps (extraction, thumbnail) that failed for good after it was processed
 */
public record Upload(
        String id,
        String kind,
        String fileName,
        long size,
        String sha256,
        String status,
        String groupId,
        boolean anonymize,
        Instant receivedAt,
        Instant finishedAt,
        Counts counts,
        List<RowError> errors,
        List<FailedStep> failedSteps) {

    /**
     * @param rows     data rows read (1 for a PDF or TXT file)
     * @param expected patients the file names
     * @param stored   patients (or other records) stored
     * @param errors   row errors recorded
     */
    public record Counts(int rows, int expected, int stored, int errors) {}
}
