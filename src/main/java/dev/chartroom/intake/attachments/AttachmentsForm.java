package dev.chartroom.intake.attachments;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The multipart fields of {@code POST /attachments/bulk} as the seed names them; only the OpenAPI
 * document uses it (the controller reads the parts itself, to answer in the seed's shape).
 */
@Schema(name = "AttachmentsForm", description = "multipart/form-data fields of a bulk attachment upload")
record AttachmentsForm(
        @JsonProperty("patient_id")
        @Schema(description = "The Chartroom patient id", requiredMode = Schema.RequiredMode.REQUIRED) String patientId,
        @ArraySchema(arraySchema = @Schema(description = "One or more files, each a part named attachments"),
                schema = @Schema(type = "string", format = "binary")) List<String> attachments,
        @JsonProperty("note_id")
        @Schema(description = "The note the attachments belong to", nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) String noteId,
        @Schema(description = "Names, one per attachment: a JSON array or a comma-separated list", nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) String names,
        @JsonProperty("external_ids")
        @Schema(description = "External ids, one per attachment: a JSON array or a comma-separated list", nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) String externalIds) {
}
