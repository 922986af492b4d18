package dev.chartroom.caseflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One appointment's intake case. */
public record Case(
        long id,
        String appointmentId,
        CasePatient patient,
        String status,
        String cancelReason,
        String agent,
        String doctor,
        Instant scheduledAt,
        String phone,
        boolean newConsult,
        int version,
        Map<String, String> details,
        List<CaseMedication> medications,
        List<CaseAllergy> allergies,
        List<CaseNote> notes,
        Instant createdAt,
        Instant updatedAt) {}
