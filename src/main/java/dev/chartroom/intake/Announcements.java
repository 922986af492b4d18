package dev.chartroom.intake;

import dev.chartroom.caseflow.CaseChange;
import dev.chartroom.upload.Upload;
import dev.chartroom.webhook.WebhookEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The webhook events the intake contracts announce, in one place so that every contract words
 * them alike. Call inside the transaction of the write being announced.
 */
@Component
public class Announcements {

    private final WebhookEvents events;

    Announcements(WebhookEvents events) {
        this.events = events;
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
        events.publish(organizationId, WebhookEvents.UPLOAD_PROCESSED, data);
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
