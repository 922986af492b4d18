package dev.chartroom.jobs;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The derived steps of uploads that failed for good, by subject (a document) and step, so the patient
 * record, the upload and its webhook say so instead of the failure staying in the job queue. Recording
 * one publishes a {@link StepFailed} event in the caller's transaction.
 */
@Repository
public class StepFailures {

    public static final String EXTRACTION = "extraction";
    public static final String THUMBNAIL = "thumbnail";

    private static final String DELETE = """
            delete from derived_step_failure where organization_id = :organizationId and subject = :subject and step = :step
            """;
    private static final String INSERT = """
            insert into derived_step_failure (organization_id, subject, step, upload_id, patient_id, job_id, failed_at, reason)
            values (:organizationId, :subject, :step, :uploadId, :patientId, :jobId, :failedAt, :reason)
            """;
    private static final String OF_UPLOADS = """
            select upload_id, step, failed_at, reason, job_id from derived_step_failure
            where organization_id = :organizationId and upload_id in (:uploadIds)
            order by failed_at, step
            """;
    private static final String OF_PATIENT = """
            select step, failed_at, reason, job_id from derived_step_failure
            where organization_id = :organizationId and patient_id = :patientId
            order by failed_at, step
            """;

    /** What a failure concerns: the document it was derived from, its upload and patient (either may be null). */
    public record Subject(String id, String uploadId, Long patientId) {}

    /** Published when a step failed for good, inside the transaction that recorded it. */
    public record StepFailed(OrganizationId organizationId, Subject subject, FailedStep failure) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StepFailures(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Records that {@code step} of {@code subject} failed for good; call in a transaction. */
    public FailedStep record(OrganizationId organizationId, Subject subject, String step, String reason, String jobId) {
        var failure = new FailedStep(step, Instant.now(clock), Text.cut(reason, 500), jobId);
        clear(organizationId, subject.id(), step);
        jdbc.sql(INSERT)
                .param("organizationId", organizationId.value())
                .param("subject", subject.id())
                .param("step", step)
                .param("uploadId", subject.uploadId())
                .param("patientId", subject.patientId())
                .param("jobId", jobId)
                .param("failedAt", TimeColumns.of(failure.failedAt()))
                .param("reason", failure.reason())
                .update();
        events.publishEvent(new StepFailed(organizationId, subject, failure));
        return failure;
    }

    /** Forgets an earlier failure of the step, once it has succeeded after all. */
    public void clear(OrganizationId organizationId, String subjectId, String step) {
        jdbc.sql(DELETE)
                .param("organizationId", organizationId.value())
                .param("subject", subjectId)
                .param("step", step)
                .update();
    }

    /** The failed steps of each of these uploads, oldest first; uploads without any are absent. */
    public Map<String, List<FailedStep>> ofUploads(OrganizationId organizationId, Collection<String> uploadIds) {
        var found = new HashMap<String, List<FailedStep>>();
        if (uploadIds.isEmpty()) {
            return found;
        }
        jdbc.sql(OF_UPLOADS)
                .param("organizationId", organizationId.value())
                .param("uploadIds", uploadIds)
                .query(rs -> {
                    found.computeIfAbsent(rs.getString("upload_id"), id -> new java.util.ArrayList<>())
                            .add(new FailedStep(
                                    rs.getString("step"),
                                    TimeColumns.instant(rs, "failed_at"),
                                    rs.getString("reason"),
                                    rs.getString("job_id")));
                });
        return found;
    }

    /** The failed steps of a patient's uploads, oldest first. */
    public List<FailedStep> ofPatient(OrganizationId organizationId, long patientId) {
        return jdbc.sql(OF_PATIENT)
                .param("organizationId", organizationId.value())
                .param("patientId", patientId)
                .query((rs, row) -> new FailedStep(
                        rs.getString("step"),
                        TimeColumns.instant(rs, "failed_at"),
                        rs.getString("reason"),
                        rs.getString("job_id")))
                .list();
    }
}
