package dev.chartroom.caseflow;

/** A case an upload created or reprocessed; {@code type} is the webhook event it announces. */
public record CaseChange(String type, long caseId, String appointmentId, String patientExternalId, String status,
                         String cancelReason, String agent, int version) {

    public static final String CREATED = "case.created";
    public static final String UPDATED = "case.updated";
    public static final String CANCELLED = "case.cancelled";
}
