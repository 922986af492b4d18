package dev.chartroom.caseflow;

import java.util.Map;

/**
 * One appointments row as received (values trimmed, null when blank).
 *
 * @param line     where the row starts in its file, for row errors
 * @param optional the documented optional columns present in the row
 */
public record Appointment(
        long line,
        String appointmentId,
        String patientRecordId,
        String status,
        String doctor,
        String virtual,
        String date,
        String time,
        String firstName,
        String lastName,
        String dob,
        String phone,
        String newConsult,
        String testStatus,
        String intakeCharted,
        Map<String, String> optional) {}
