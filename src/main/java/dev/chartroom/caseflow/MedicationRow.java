package dev.chartroom.caseflow;

/** One medications row as received (values trimmed, null when blank). */
public record MedicationRow(
        long line,
        String patientRecordId,
        String medicationName,
        String dose,
        String strength,
        String sig,
        String dateStarted,
        String route) {}
