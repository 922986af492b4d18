package dev.chartroom.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The webhook events Chartroom announces. Each one's {@code data} is a record of the module that
 * announces it: {@code DocumentEvent} (documents, in the seed's shape), {@code UploadProcessed} and
 * {@code PatientCreated} (intake), {@code CaseChange} (caseflow, the same shape for all three case
 * events).
 */
public enum EventType {
    DOCUMENT_UPLOADED("document.uploaded"),
    DOCUMENT_UPLOAD_FAILED("document.upload_failed"),
    UPLOAD_PROCESSED("upload.processed"),
    PATIENT_CREATED("patient.created"),
    CASE_CREATED("case.created"),
    CASE_UPDATED("case.updated"),
    CASE_CANCELLED("case.cancelled");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    /** The name subscribers see, in {@code type} and in an endpoint's {@code events}. */
    public String value() {
        return value;
    }

    public static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
