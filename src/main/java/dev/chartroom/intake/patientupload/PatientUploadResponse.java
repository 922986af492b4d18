package dev.chartroom.intake.patientupload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The seed's success body. {@code expectedCount} appears only when some patients could not be
 * stored; {@code uploadId} (an addition) names the report at {@code /v1/uploads/{id}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PatientUploadResponse(boolean success, int patientCount, Integer expectedCount, String uploadId) {}
