package dev.chartroom.intake.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.chartroom.document.Document;
import dev.chartroom.webhook.EventData;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The data of {@code document.uploaded} and {@code document.upload_failed}, in the seed's shape and
 * field order (seeds/upload-document.txt); {@code failure_reason} only on a failure.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"document_id", "patient_mrn", "folder_name", "failure_reason"})
record DocumentEvent(
        String documentId,
        String patientMrn,
        String folderName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String failureReason)
        implements EventData {

    static DocumentEvent of(Document document, String failureReason) {
        return new DocumentEvent(document.id(), document.patientMrn(), document.folder(), failureReason);
    }
}
