package dev.chartroom.intake.typedcsv;

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

/** {@code POST /api/v1/csv}, exactly as seeds/csv-upload-api.txt documents it. */
@RestController
@Tag(name = "Typed CSV", description = "Appointments, medications and consult notes (X-API-Key)")
class TypedCsvController implements LimitedBody {

    private final TypedCsvIntake intake;
    private final IntakeLimits limits;

    TypedCsvController(TypedCsvIntake intake, IntakeLimits limits) {
        this.intake = intake;
        this.limits = limits;
    }

    @Override
    public long maxBody() {
        return limits.typedCsvMaxFileSize().toBytes() + ENVELOPE;
    }

    @Override
    public DataSize fileLimit() {
        return limits.typedCsvMaxFileSize();
    }

    @PostMapping("/api/v1/csv")
    @Operation(
            summary = "Upload a CSV for intake or case enrichment",
            description = "Synchronous. Deduplicated by (organization, file name, type). Row-level problems are "
                    + "recorded on the upload (GET /v1/uploads?fileName=…), not returned here.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = TypedCsvForm.class)))
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Success.class)))
    @ApiResponse(
            responseCode = "400",
            description = "File missing, empty, not .csv, not UTF-8, invalid CSV; type missing or unknown",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Missing or invalid API key",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The key belongs to another organization than the one named",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(
            responseCode = "413",
            description = "File exceeds 10MB",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(
            responseCode = "422",
            description = "No agent routing rules (appointments only)",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    TypedCsvResponses.Success upload(
            Caller caller,
            @Parameter(hidden = true) @RequestParam(required = false) String type,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file) {
        return intake.accept(caller, new TypedCsvForm(type, UploadedFile.of(file)));
    }
}
