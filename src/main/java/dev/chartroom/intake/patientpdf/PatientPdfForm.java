package dev.chartroom.intake.patientpdf;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart fields of {@code POST /patients/{patient_id}/pdf} as the seed names them; only the
 * OpenAPI document uses it (the controller reads the parts itself, to answer in the seed's shape).
 */
@Schema(name = "PatientPdfForm", description = "multipart/form-data fields of a patient PDF upload")
record PatientPdfForm(
        @Schema(description = "The PDF file to upload", type = "string", format = "binary",
                requiredMode = Schema.RequiredMode.REQUIRED) String file,
        @Schema(description = "The name to give the uploaded file; must end in .pdf",
                requiredMode = Schema.RequiredMode.REQUIRED) String filename) {
}
