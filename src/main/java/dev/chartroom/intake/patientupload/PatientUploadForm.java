package dev.chartroom.intake.patientupload;

import dev.chartroom.intake.UploadedFile;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart fields of {@code POST /api/pandora/upload-v2/upload} as the seed names them, as
 * sent (any may be missing): the controller reads them, {@link PatientUploadIntake#accept} checks
 * them, so that each missing or wrong field is answered in the seed's error shape.
 */
@Schema(name = "PatientUploadForm", description = "multipart/form-data fields of a patient upload")
record PatientUploadForm(
        @Schema(
                description = "The file to upload (PDF, TXT, or CSV), at most 3MB",
                type = "string",
                format = "binary",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UploadedFile file,

        @Schema(description = "Your team (organization) id", requiredMode = Schema.RequiredMode.REQUIRED)
        String teamId,

        @Schema(description = "ID of the group to add patients to", requiredMode = Schema.RequiredMode.REQUIRED)
        String groupId,

        @Schema(
                description = "Set to true to anonymize records after extraction",
                type = "boolean",
                defaultValue = "false",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String anonymize,

        @Schema(
                description = "CSV only: a JSON object naming the file's columns, field to column, e.g. "
                        + "{\"patient_id\":\"MRN\",\"birth_date\":\"DateOfBirth\"}",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String columns) {}
