package dev.chartroom.intake;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.chartroom.caseflow.CaseChange;
import dev.chartroom.jobs.FailedStep;
import dev.chartroom.jobs.StepFailures;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.upload.Upload;
import dev.chartroom.upload.Uploads;
import dev.chartroom.webhook.EventData;
import dev.chartroom.webhook.EventType;
import dev.chartroom.webhook.WebhookEvents;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The webhook events the intake contracts announce, in one place so that every contract words
 * them alike. Call inside the transaction of the write being announced.
 */
@Component
public class Announcements {

    private final WebhookEvents events;
    private final Uploads uploads;

    Announcements(WebhookEvents events, Uploads uploads) {
        this.events = events;
        this.uploads = uploads;
    }

    /**
     * A derived step of an upload failed for good (extraction, thumbnail): the upload is announced
     * again, its {@code failed_steps} now naming the step, so a subscriber hears of it.
     */
    @EventListener
    void stepFailed(StepFailures.StepFailed failed) {
        if (failed.subject().uploadId() != null) {
            uploads.find(failed.organizationId(), failed.subject().uploadId())
                    .ifPresent(upload -> uploadProcessed(failed.organizationId(), upload));
        }
    }

    /** {@code upload.processed}: an upload's outcome, announced again when a later step of it fails. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "upload_id",
        "kind",
        "file_name",
        "status",
        "rows",
        "expected_count",
        "stored_count",
        "error_count",
        "failed_steps"
    })
    public record UploadProcessed(
            String uploadId,
            String kind,
            String fileName,
            String status,
            int rows,
            int expectedCount,
            int storedCount,
            int errorCount,
            List<Step> failedSteps)
            implements EventData {

        /** A derived step that failed for good. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"step", "failed_at", "reason", "job_id"})
        public record Step(String step, String failedAt, String reason, String jobId) {}

        static UploadProcessed of(Upload upload) {
            return new UploadProcessed(
                    upload.id(),
                    upload.kind(),
                    upload.fileName(),
                    upload.status(),
                    upload.counts().rows(),
                    upload.counts().expected(),
                    upload.counts().stored(),
                    upload.counts().errors(),
                    upload.failedSteps().stream().map(UploadProcessed::step).toList());
        }

        private static Step step(FailedStep step) {
            return new Step(step.step(), step.failedAt().toString(), step.reason(), step.jobId());
        }
    }

    /** {@code patient.created}: a patient an upload created. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"patient_id", "external_id", "upload_id"})
    public record PatientCreated(long patientId, String externalId, String uploadId) implements EventData {}

    public void uploadProcessed(OrganizationId organizationId, Upload upload) {
        events.publish(organizationId, EventType.UPLOAD_PROCESSED, UploadProcessed.of(upload));
    }

    /** @param created ids of the patients an upload created, by external id */
    public void patientsCreated(OrganizationId organizationId, String uploadId, Map<String, Long> created) {
        if (created.isEmpty()) {
            return;
        }
        var announced = new ArrayList<PatientCreated>(created.size());
        created.forEach((externalId, id) -> announced.add(new PatientCreated(id, externalId, uploadId)));
        events.publishAll(organizationId, EventType.PATIENT_CREATED, announced);
    }

    /** Each change as its own event, {@code case.created}, {@code case.updated} or {@code case.cancelled}. */
    public void caseChanges(OrganizationId organizationId, List<CaseChange> changes) {
        var byType = new EnumMap<EventType, List<CaseChange>>(EventType.class);
        for (CaseChange change : changes) {
            byType.computeIfAbsent(change.type(), type -> new ArrayList<>()).add(change);
        }
        byType.forEach((type, announced) -> events.publishAll(organizationId, type, announced));
    }
}
