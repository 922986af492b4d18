package dev.chartroom.intake;

import dev.chartroom.caseflow.CaseChange;
import dev.chartroom.jobs.FailedStep;
import dev.chartroom.jobs.StepFailures;
import dev.chartroom.upload.Upload;
import dev.chartroom.upload.Uploads;
import dev.chartroom.webhook.WebhookEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

    public void uploadProcessed(String organizationId, Upload upload) {
        var data = new LinkedHashMap<String, Object>();
        data.put("upload_id", upload.id());
        data.put("kind", upload.kind());
        data.put("file_name", upload.fileName());
        data.put("status", upload.status());
        data.put("rows", upload.counts().rows());
        data.put("expected_count", upload.counts().expected());
        data.put("stored_count", upload.counts().stored());
        data.put("error_count", upload.counts().errors());
        data.put("failed_steps", upload.failedSteps().stream().map(Announcements::failedStep).toList());
        events.publish(organizationId, WebhookEvents.UPLOAD_PROCESSED, data);
    }

    private static Map<String, Object> failedStep(FailedStep step) {
        var data = new LinkedHashMap<String, Object>();
        data.put("step", step.step());
        data.put("failed_at", step.failedAt().toString());
        data.put("reason", step.reason());
        data.put("job_id", step.jobId());
        return data;
    }

    /** @param created ids of the patients an upload created, by external id */
    public void patientsCreated(String organizationId, String uploadId, Map<String, Long> created) {
        if (created.isEmpty()) {
            return;
        }
        var announced = new java.util.ArrayList<Map<String, Object>>(created.size());
        created.forEach((externalId, id) -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("patient_id", id);
            data.put("external_id", externalId);
            data.put("upload_id", uploadId);
            announced.add(data);
        });
        events.publishAll(organizationId, WebhookEvents.PATIENT_CREATED, announced);
    }

    public void caseChanges(String organizationId, List<CaseChange> changes) {
        var byType = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (CaseChange change : changes) {
            var data = new LinkedHashMap<String, Object>();
            data.put("case_id", change.caseId());
            data.put("appointment_id", change.appointmentId());
            data.put("patient_external_id", change.patientExternalId());
            data.put("status", change.status());
            data.put("cancel_reason", change.cancelReason());
            data.put("agent", change.agent());
            data.put("version", change.version());
            byType.computeIfAbsent(change.type(), type -> new java.util.ArrayList<>()).add(data);
        }
        byType.forEach((type, announced) -> events.publishAll(organizationId, type, announced));
    }
}
