package dev.chartroom.caseflow;

import dev.chartroom.upload.RowError;
import java.time.Instant;
import java.util.List;

/**
 * What the appointment rules make of one row.
 *
 * @param makesCase false when the row cannot become (or keep) an active case at all: a required
 *                  value is missing or unreadable, or the doctor is not an active clinician
 */
record CaseDecision(
        boolean makesCase,
        String status,
        String cancelReason,
        Clinician clinician,
        String agent,
        Instant scheduledAt,
        String phone,
        boolean newConsult,
        List<RowError> errors) {

    static final String ACTIVE = "active";
    static final String CANCELLED = "cancelled";

    /** The same decision without the phone the rules read. */
    CaseDecision withoutPhone() {
        return new CaseDecision(
                makesCase, status, cancelReason, clinician, agent, scheduledAt, null, newConsult, errors);
    }
}
