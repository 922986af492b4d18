package dev.chartroom.intake.documents;

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
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /v1/documents}, as seeds/upload-document.txt documents it. */
@RestController
@Tag(
        name = "Upload document",
        description = "A document for a patient found by MRN, into a folder; "
                + "processed asynchronously with webhooks (client_id, client_secret, access_token)")
class DocumentUploadController implements LimitedBody {

    private final DocumentUploadIntake intake;
    private final IntakeLimits limits;

    DocumentUploadController(DocumentUploadIntake intake, IntakeLimits limits) {
        this.intake = intake;
        this.limits = limits;
    }

    /**
     * The seed answers a file over 5MB with 400, so a body a little over the limit is read and
     * refused in the contract's terms; only one far over it is cut off before it is read.
     */
    @Override
    public long maxBody() {
        return limits.documentMaxFileSize().toBytes() + DataSize.ofMegabytes(1).toBytes();
    }

    @Override
    public DataSize fileLimit() {
        return limits.documentMaxFileSize();
    }

    @PostMapping("/v1/documents")
    @Operation(
            summary = "Upload Document",
            description = "Documents are processed asynchronously: a document.uploaded or document.upload_failed "
                    + "webhook (with failure_reason) follows the answer.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = DocumentUploadForm.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Accepted for processing",
            content = @Content(schema = @Schema(implementation = DocumentUploadResponses.Accepted.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A field is missing or breaks its rule (type, 5MB, notes, folder)",
            content = @Content(schema = @Schema(implementation = DocumentUploadResponses.Error.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Missing or invalid credentials",
            content = @Content(schema = @Schema(implementation = DocumentUploadResponses.Error.class)))
    @ApiResponse(
            responseCode = "403",
            description = "access_token names another organization",
            content = @Content(schema = @Schema(implementation = DocumentUploadResponses.Error.class)))
    @ApiResponse(
            responseCode = "413",
            description = "The request body is far over the 5MB file limit",
            content = @Content(schema = @Schema(implementation = DocumentUploadResponses.Error.class)))
    DocumentUploadResponses.Accepted upload(
            Caller caller,
            @Parameter(hidden = true) @RequestParam(name = "folder_name", required = false) String folderName,
            @Parameter(hidden = true) @RequestParam(name = "patient_mrn", required = false) String patientMrn,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile document,
            @Parameter(hidden = true) @RequestParam(name = "emr_assigned_to_id", required = false) String assignedTo,
            @Parameter(hidden = true) @RequestParam(name = "is_reviewed", required = false) String reviewed,
            @Parameter(hidden = true) @RequestParam(required = false) String notes,
            @Parameter(hidden = true) @RequestParam(name = "is_high_priority", required = false) String highPriority) {
        return intake.accept(
                caller,
                new DocumentUploadForm(
                        folderName, patientMrn, UploadedFile.of(document), assignedTo, reviewed, notes, highPriority));
    }
}
