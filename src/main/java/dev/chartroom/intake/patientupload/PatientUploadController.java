package dev.chartroom.intake.patientupload;

import dev.chartroom.intake.UploadedFile;
import dev.chartroom.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/pandora/upload-v2/upload}, exactly as seeds/patient-upload-api.txt documents it. */
@RestController
@Tag(name = "Patient upload", description = "PDF, TXT and CSV files into patient records (Bearer key)")
class PatientUploadController {

    private final PatientUploadIntake intake;

    PatientUploadController(PatientUploadIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/pandora/upload-v2/upload")
    @Operation(
            summary = "Upload patient records",
            description =
                    "PDF and TXT: 1 file = 1 patient. CSV: patient_id first; a second column event_id makes it an event file."
                            + " Unedited Synthea (patients.csv, observations.csv) and MIMIC-III (PATIENTS.csv, LABEVENTS.csv) exports"
                            + " load as they are; the optional columns field names the columns of any other CSV.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = PatientUploadForm.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = PatientUploadResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "invalid_file_type, file_too_large, invalid_csv_format, missing_patient_id, invalid_request",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    @ApiResponse(
            responseCode = "401",
            description = "unauthorized",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    @ApiResponse(
            responseCode = "403",
            description = "forbidden",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    @ApiResponse(
            responseCode = "404",
            description = "group_not_found",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    @ApiResponse(
            responseCode = "413",
            description = "payload_too_large",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    @ApiResponse(
            responseCode = "503",
            description = "service_unavailable: too many uploads at once; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    @ApiResponse(
            responseCode = "500",
            description = "internal_error",
            content = @Content(schema = @Schema(implementation = PatientUploadError.class)))
    PatientUploadResponse upload(
            Caller caller,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file,
            @Parameter(hidden = true) @RequestParam(required = false) String teamId,
            @Parameter(hidden = true) @RequestParam(required = false) String groupId,
            @Parameter(hidden = true) @RequestParam(required = false) String anonymize,
            @Parameter(hidden = true) @RequestParam(required = false) String columns) {
        return intake.accept(caller, new PatientUploadForm(UploadedFile.of(file), teamId, groupId, anonymize, columns));
    }
}
