package dev.chartroom.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-contract limits, each defaulting to its seed's value.
 *
 * @param patientUploadMaxFileSize the patient upload's per-file limit (400 file_too_large above it)
 * @param typedCsvMaxFileSize      the typed CSV contract's file limit (413 above it, refused while streaming)
 * @param medicationsMaxRows       rows of a medications file at the most (400 above it)
 * @param consultNotesMaxRows      rows of a consult-notes file at the most (400 above it)
 * @param pdfMaxPages              pages of a PDF read for text at the most
 */
@ConfigurationProperties("chartroom.intake")
public record IntakeLimits(@DefaultValue("3MB") DataSize patientUploadMaxFileSize,
                           @DefaultValue("10MB") DataSize typedCsvMaxFileSize,
                           @DefaultValue("5000") int medicationsMaxRows,
                           @DefaultValue("500") int consultNotesMaxRows,
                           @DefaultValue("500") int pdfMaxPages) {
}
