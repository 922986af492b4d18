package dev.chartroom.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-contract limits, each defaulting to its seed's value (or, where a seed is silent, a size
 * that a clinical file fits in easily).
 *
 * @param patientUploadMaxFileSize the patient upload's per-file limit (400 file_too_large above it)
 * @param typedCsvMaxFileSize      the typed CSV contract's file limit (413 above it, refused while streaming)
 * @param medicationsMaxRows       rows of a medications file at the most (400 above it)
 * @param consultNotesMaxRows      rows of a consult-notes file at the most (400 above it)
 * @param pdfMaxPages              pages of a PDF read for text at the most
 * @param patientPdfMaxFileSize    the patient PDF contract's file limit (413 above it); the seed names none
 * @param documentMaxFileSize      the document-by-MRN file limit, the seed's 5MB (400 above it; a body more
 *                                 than 1MB over it is refused with 413 before it is read)
 * @param documentNotesMaxLength   characters of a document's notes at the most, the seed's 1000 (400 above it)
 * @param attachmentsMaxFileSize   each bulk attachment's limit (413 above it)
 * @param attachmentsMaxFiles      attachments of one bulk request at the most (422 above it)
 */
@ConfigurationProperties("chartroom.intake")
public record IntakeLimits(
        @DefaultValue("3MB") DataSize patientUploadMaxFileSize,
        @DefaultValue("10MB") DataSize typedCsvMaxFileSize,
        @DefaultValue("5000") int medicationsMaxRows,
        @DefaultValue("500") int consultNotesMaxRows,
        @DefaultValue("500") int pdfMaxPages,
        @DefaultValue("20MB") DataSize patientPdfMaxFileSize,
        @DefaultValue("5MB") DataSize documentMaxFileSize,
        @DefaultValue("1000") int documentNotesMaxLength,
        @DefaultValue("10MB") DataSize attachmentsMaxFileSize,
        @DefaultValue("20") int attachmentsMaxFiles) {}
