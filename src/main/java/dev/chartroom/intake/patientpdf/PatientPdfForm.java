package dev.chartroom.intake.patientpdf;

import dev.chartroom.intake.UploadedFile;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A request to {@code POST /patients/{patient_id}/pdf} as sent: the path's patient id and the
 * multipart fields the seed names (either may be missing); {@link PatientPdfIntake#accept} checks
 * them and answers in the seed's shape.
 */
@Schema(name = "PatientPdfForm", description = "multipart/form-data fields of a patient PDF upload")
record PatientPdfForm(
        @Schema(hidden = true) String patientId,

        @Schema(
                description = "The PDF file to upload",
                type = "string",
                format = "binary",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UploadedFile file,

        @Schema(
                description = "The name to give the uploaded file; must end in .pdf",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String filename) {}
