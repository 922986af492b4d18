package dev.chartroom.intake.typedcsv;

import dev.chartroom.csv.TypedCsv;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
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

    static final String PROCESSED = "CSV uploaded and processed successfully.";
    static final String ALREADY_PROCESSED = "This file was already uploaded for this type and processed; nothing was changed.";

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
    @Operation(summary = "Upload a CSV for intake or case enrichment",
            description = "Synchronous. Deduplicated by (organization, file name, type). Row-level problems are "
                    + "recorded on the upload (GET /v1/uploads?fileName=…), not returned here.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = TypedCsvForm.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TypedCsvResponses.Success.class)))
    @ApiResponse(responseCode = "400", description = "File missing, empty, not .csv, not UTF-8, invalid CSV; type missing or unknown",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(responseCode = "401", description = "Missing or invalid API key", content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(responseCode = "403", description = "The key belongs to another organization than the one named", content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(responseCode = "413", description = "File exceeds 10MB", content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    @ApiResponse(responseCode = "422", description = "No agent routing rules (appointments only)",
            content = @Content(schema = @Schema(implementation = TypedCsvResponses.Error.class)))
    TypedCsvResponses.Success upload(Caller caller,
                                     @Parameter(hidden = true) @RequestParam(required = false) String type,
                                     @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file) {
        if (file == null) {
            throw TypedCsvException.badRequest("missing_file", "file is required.");
        }
        if (file.getSize() > limits.typedCsvMaxFileSize().toBytes()) {
            throw new TypedCsvException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                    "File exceeds " + limits.typedCsvMaxFileSize().toMegabytes() + "MB.");
        }
        if (type == null || type.isBlank()) {
            throw TypedCsvException.badRequest("missing_type", "type is required: appointments, medications or consult-notes.");
        }
        TypedCsv.Type csvType = TypedCsv.Type.of(type.strip()).orElseThrow(() -> TypedCsvException.badRequest(
                "invalid_type", "type must be one of appointments, medications, consult-notes."));
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw TypedCsvException.badRequest("invalid_file_type", "The file must be a .csv file.");
        }
        if (fileName.length() > 500) {
            throw TypedCsvException.badRequest("invalid_file_name", "The file name is longer than 500 characters.");
        }
        if (file.isEmpty()) {
            throw TypedCsvException.badRequest("empty_file", "The file is empty.");
        }
        requireText(file);
        var earlier = intake.alreadyProcessed(caller.organizationId(), fileName, csvType);
        if (earlier.isPresent()) {
            return success(earlier.get(), ALREADY_PROCESSED);
        }
        var outcome = intake.accept(caller.organizationId(), csvType, fileName, UploadedFile.of(file));
        return success(outcome.file(), outcome.processedNow() ? PROCESSED : ALREADY_PROCESSED);
    }

    /** NUL bytes and other binary content are refused whole, whatever the name says. */
    private static void requireText(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            byte[] sample = in.readNBytes(ContentSniffer.SAMPLE_SIZE);
            boolean complete = sample.length == file.getSize();
            if (ContentSniffer.sniff(sample, sample.length, complete) != ContentKind.TEXT) {
                throw TypedCsvException.badRequest("invalid_file_type", "The file is not a text CSV file.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TypedCsvResponses.Success success(dev.chartroom.upload.TypedCsvFiles.Processed file, String message) {
        return new TypedCsvResponses.Success(true, new TypedCsvResponses.Data(file.fileName(), file.type(), file.size(),
                file.uploadedAt(), file.uploadId()), message);
    }
}
