package dev.chartroom.intake.patientpdf;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seed's 201 body. {@code url} is a signed download URL that expires
 * ({@code chartroom.documents.signed-url-ttl}); {@code created_at} is ISO-8601 UTC to the second.
 */
record PatientPdfResponse(
        String id,
        String url,
        String filename,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("patient_id") long patientId) {}
