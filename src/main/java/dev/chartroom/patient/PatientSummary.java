package dev.chartroom.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A patient as listed: demographics and groups, without events or documents. */
public record PatientSummary(
        long id,
        String externalId,
        String name,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String sex,
        List<String> groups,
        Instant createdAt,
        Instant updatedAt) {}
