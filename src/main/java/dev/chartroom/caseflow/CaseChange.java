package dev.chartroom.caseflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.chartroom.webhook.EventData;
import dev.chartroom.webhook.EventType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A case an upload created, reprocessed or enriched, as its webhook announces it: {@code type} is
 * the event ({@code case.created}, {@code case.updated}, {@code case.cancelled}); the rest is the
 * event's {@code data}, one shape for all three.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"case_id", "appointment_id", "patient_external_id", "status", "cancel_reason", "agent", "version"})
public record CaseChange(
        @JsonIgnore EventType type,
        long caseId,
        String appointmentId,
        String patientExternalId,
        String status,
        String cancelReason,
        String agent,
        int version)
        implements EventData {

    /** The change a stored case announces as it now is. */
    static CaseChange of(EventType type, Case stored) {
        return new CaseChange(
                type,
                stored.id(),
                stored.appointmentId(),
                stored.patient().externalId(),
                stored.status(),
                stored.cancelReason(),
                stored.agent(),
                stored.version());
    }
}
