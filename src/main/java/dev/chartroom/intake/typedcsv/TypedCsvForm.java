package dev.chartroom.intake.typedcsv;

import dev.chartroom.intake.UploadedFile;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart fields of {@code POST /api/v1/csv} as the seed names them, as sent (either may be
 * missing); {@link TypedCsvIntake#accept} checks them and answers in the seed's shape.
 */
@Schema(name = "TypedCsvForm", description = "multipart/form-data fields of a typed CSV upload")
record TypedCsvForm(
        @Schema(
                description = "Which pipeline processes the rows",
                allowableValues = {"appointments", "medications", "consult-notes"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String type,

        @Schema(
                description = "UTF-8 .csv, at most 10MB; the header row must contain at least one comma",
                type = "string",
                format = "binary",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UploadedFile file) {}
