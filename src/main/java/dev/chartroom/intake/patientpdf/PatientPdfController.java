package dev.chartroom.intake.patientpdf;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /patients/{patient_id}/pdf} (with or without the trailing slash), as seeds/upload-patient-pdf.txt documents it. */
@RestController
@Tag(name = "Patient PDF", description = "A PDF for a known patient by numeric id (X-API-Key)")
class PatientPdfController implements LimitedBody {

    private final PatientPdfIntake intake;
    private final IntakeLimits limits;

    PatientPdfController(PatientPdfIntake intake, IntakeLimits limits) {
        this.intake = intake;
        this.limits = limits;
    }

    @Override
    public long maxBody() {
        return limits.patientPdfMaxFileSize().toBytes() + ENVELOPE;
    }

    @Override
    public DataSize fileLimit() {
        return limits.patientPdfMaxFileSize();
    }

    @PostMapping({"/patients/{patient_id}/pdf", "/patients/{patient_id}/pdf/"})
    @Operation(
            summary = "Upload Patient PDF",
            description = "Uploads a PDF file directly to a specific patient. The answer's url is signed and expires.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = PatientPdfForm.class)))
    @ApiResponse(
            responseCode = "201",
            description = "PDF uploaded successfully",
            content = @Content(schema = @Schema(implementation = PatientPdfResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Not a valid PDF, or the filename lacks .pdf",
            content = @Content(schema = @Schema(implementation = PatientPdfError.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Authentication required",
            content = @Content(schema = @Schema(implementation = PatientPdfError.class)))
    @ApiResponse(
            responseCode = "403",
            description = "A patient of another account",
            content = @Content(schema = @Schema(implementation = PatientPdfError.class)))
    @ApiResponse(
            responseCode = "404",
            description = "Patient not found",
            content = @Content(schema = @Schema(implementation = PatientPdfError.class)))
    @ApiResponse(
            responseCode = "413",
            description = "File too large",
            content = @Content(schema = @Schema(implementation = PatientPdfError.class)))
    ResponseEntity<PatientPdfResponse> upload(
            Caller caller,
            @Parameter(
                            description = "The ID of the patient to upload the PDF for",
                            schema = @Schema(type = "integer", format = "int64"))
                    @PathVariable("patient_id")
                    String patientId,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file,
            @Parameter(hidden = true) @RequestParam(required = false) String filename) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(intake.accept(caller, new PatientPdfForm(patientId, UploadedFile.of(file), filename)));
    }
}
