package dev.chartroom.intake.attachments;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chartroom.intake.UploadedFile;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A request to {@code POST /attachments/bulk} as sent: its {@code TENANT} header and the multipart
 * fields the seed names (any may be missing); {@link AttachmentsIntake#accept} checks them all and
 * answers every problem at once, in the seed's shape.
 */
@Schema(name = "AttachmentsForm", description = "multipart/form-data fields of a bulk attachment upload")
record AttachmentsForm(
        @Schema(hidden = true) String tenant,

        @JsonProperty("patient_id")
        @Schema(description = "The Chartroom patient id", requiredMode = Schema.RequiredMode.REQUIRED)
        String patientId,

        @ArraySchema(
                arraySchema = @Schema(description = "One or more files, each a part named attachments"),
                schema = @Schema(type = "string", format = "binary"))
        List<UploadedFile> attachments,

        @JsonProperty("note_id")
        @Schema(
                description = "The note the attachments belong to",
                nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String noteId,

        @Schema(
                description = "Names, one per attachment: a JSON array or a comma-separated list",
                nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String names,

        @JsonProperty("external_ids")
        @Schema(
                description = "External ids, one per attachment: a JSON array or a comma-separated list",
                nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String externalIds) {}
