package dev.chartroom.intake.attachments;

import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.intake.LimitedBody;
import dev.chartroom.intake.UploadedFile;
import dev.chartroom.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /attachments/bulk}, as seeds/attachments-bulk.txt documents it. */
@RestController
@Tag(
        name = "Attachments",
        description = "Bulk attachments for a patient, with signed URLs and thumbnails (API-KEY + TENANT)")
class AttachmentsController implements LimitedBody {

    private final AttachmentsIntake intake;
    private final IntakeLimits limits;

    AttachmentsController(AttachmentsIntake intake, IntakeLimits limits) {
        this.intake = intake;
        this.limits = limits;
    }

    /** Every attachment at its limit, and the envelope. */
    @Override
    public long maxBody() {
        return fileLimit().toBytes() + ENVELOPE;
    }

    @Override
    public DataSize fileLimit() {
        return DataSize.ofBytes(limits.attachmentsMaxFileSize().toBytes() * limits.attachmentsMaxFiles());
    }

    @PostMapping("/attachments/bulk")
    @Operation(
            summary = "Add Attachments Bulk",
            description = "All files are stored or none. names and external_ids: a JSON array or a comma-separated "
                    + "list, one entry per attachment. signedUrl and thumbnailSignedUrl expire.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = AttachmentsForm.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Successful Response",
            content = @Content(schema = @Schema(implementation = AttachmentResponses.Bulk.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(schema = @Schema(implementation = AttachmentResponses.Invalid.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Invalid or missing API key",
            content = @Content(schema = @Schema(implementation = AttachmentResponses.Error.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Another tenant, or its patient",
            content = @Content(schema = @Schema(implementation = AttachmentResponses.Error.class)))
    @ApiResponse(
            responseCode = "404",
            description = "Patient not found",
            content = @Content(schema = @Schema(implementation = AttachmentResponses.Error.class)))
    @ApiResponse(
            responseCode = "413",
            description = "An attachment is too large",
            content = @Content(schema = @Schema(implementation = AttachmentResponses.Error.class)))
    AttachmentResponses.Bulk upload(
            Caller caller,
            @Parameter(hidden = true) @RequestHeader(name = "TENANT", required = false) String tenant,
            @Parameter(hidden = true) @RequestParam(name = "patient_id", required = false) String patientId,
            @Parameter(hidden = true) @RequestParam(name = "attachments", required = false)
                    List<MultipartFile> attachments,
            @Parameter(hidden = true) @RequestParam(name = "note_id", required = false) String noteId,
            @Parameter(hidden = true) @RequestParam(required = false) String names,
            @Parameter(hidden = true) @RequestParam(name = "external_ids", required = false) String externalIds) {
        return intake.accept(
                caller,
                new AttachmentsForm(
                        tenant,
                        patientId,
                        attachments == null
                                ? null
                                : attachments.stream().map(UploadedFile::of).toList(),
                        noteId,
                        names,
                        externalIds));
    }
}
