package dev.chartroom.intake.patientpdf;

import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.document.Document;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStorage;
import dev.chartroom.document.DocumentThumbnails;
import dev.chartroom.document.Documents;
import dev.chartroom.document.PdfBoxTextExtractor;
import dev.chartroom.document.SignedUrls;
import dev.chartroom.intake.Anonymization;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.patient.DocumentTextExtraction;
import dev.chartroom.patient.Patients;
import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The patient PDF contract's rules: the patient must be the caller's (403 when it is another
 * organization's, 404 when there is none), the name must end in .pdf, and the bytes must be a PDF
 * that PDFBox opens. The PDF is stored as the patient's document with its text layer, and its
 * thumbnail is made in the background.
 */
@Component
class PatientPdfIntake {

    private static final int MAX_NAME_LENGTH = 255;

    private final Patients patients;
    private final Documents documents;
    private final DocumentStorage storage;
    private final DocumentThumbnails thumbnails;
    private final DocumentTextExtraction textExtraction;
    private final SignedUrls urls;
    private final IntakeLimits limits;
    private final DocumentDecoding decoding;
    private final IngestGate gate;
    private final Anonymization anonymization;

    PatientPdfIntake(
            Patients patients,
            Documents documents,
            DocumentStorage storage,
            DocumentThumbnails thumbnails,
            DocumentTextExtraction textExtraction,
            SignedUrls urls,
            IntakeLimits limits,
            DocumentDecoding decoding,
            IngestGate gate,
            Anonymization anonymization) {
        this.gate = gate;
        this.anonymization = anonymization;
        this.patients = patients;
        this.documents = documents;
        this.storage = storage;
        this.thumbnails = thumbnails;
        this.textExtraction = textExtraction;
        this.urls = urls;
        this.limits = limits;
        this.decoding = decoding;
    }

    /**
     * Checks the request in the seed's order (patient, file, name), then, once the
     * {@link IngestGate} admits it, reads the file into memory and stores it.
     *
     * @throws PatientPdfException a missing or wrong field, in the seed's error shape
     */
    PatientPdfResponse accept(Caller caller, PatientPdfForm form) {
        OrganizationId org = caller.organizationId();
        long patientId = patientOf(org, form.patientId());
        if (form.file() == null) {
            throw PatientPdfException.badRequest(
                    "file is required: send the PDF as a multipart file part named 'file'.");
        }
        String name = filename(form.filename());
        return gate.admit(() -> accept(org, patientId, name, form.file().bytes()));
    }

    /** The patient of the path, if it is the caller's; refuses otherwise. */
    private long patientOf(OrganizationId organizationId, String pathId) {
        return switch (patients.holderOf(organizationId, pathId)) {
            case CALLER -> Long.parseLong(pathId);
            case ANOTHER_ORGANIZATION ->
                throw new PatientPdfException(
                        HttpStatus.FORBIDDEN, "You can only upload PDFs for patients associated with your account.");
            case NONE -> throw PatientPdfException.patientNotFound();
        };
    }

    private PatientPdfResponse accept(OrganizationId organizationId, long patientId, String name, byte[] content) {
        if (content.length > limits.patientPdfMaxFileSize().toBytes()) {
            throw new PatientPdfException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "File too large. The PDF file exceeds the maximum allowed size of "
                            + limits.patientPdfMaxFileSize().toMegabytes() + "MB.");
        }
        if (content.length == 0) {
            throw PatientPdfException.badRequest("The file is empty. The file must be a valid PDF document.");
        }
        if (ContentSniffer.sniff(content) != ContentKind.PDF) {
            throw PatientPdfException.badRequest(
                    "The file is not a PDF document. The file must be a valid PDF document.");
        }
        String text = switch (decoding.readStrictPdf(content, limits.pdfMaxPages())) {
            case PdfBoxTextExtractor.Result.Readable readable -> readable.text();
            case PdfBoxTextExtractor.Result.Unreadable unreadable ->
                throw PatientPdfException.badRequest(unreadable.reason() + " The file must be a valid PDF document.");
        };
        Kept kept = anonymization
                .ofDocumentsFor(organizationId, patientId)
                .map(records -> {
                    var patient = patients.summaries(organizationId, List.of(patientId))
                            .get(patientId);
                    if (patient == null) {
                        throw PatientPdfException.patientNotFound();
                    }
                    String note = records.text(text, records.subject(patient));
                    return new Kept(note.getBytes(StandardCharsets.UTF_8), ContentKind.TEXT, ANONYMIZED_NAME, note);
                })
                .orElse(new Kept(content, ContentKind.PDF, name, text));
        Document stored = storage.store(organizationId, List.of(kept.content()), blobs -> {
            Document document = documents.store(
                    organizationId,
                    Documents.NewDocument.ofPatient(
                            patientId, null, kept.name(), kept.kind(), blobs.getFirst(), kept.text()),
                    new Documents.Filing("pdf", kept.name(), false, false, null, null, null, null));
            if (kept.kind() == ContentKind.PDF) {
                thumbnails.requestFor(organizationId, document.id());
            }
            textExtraction.schedule(organizationId, document.id());
            return document;
        });
        return new PatientPdfResponse(
                stored.id(),
                urls.content(organizationId, stored),
                kept.name(),
                stored.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                patientId);
    }

    /**
     * The name an anonymizing organization's document is kept under: the sent name often is the
     * patient's, and what is kept is the PDF's de-identified text, not the PDF.
     */
    static final String ANONYMIZED_NAME = "anonymized.txt";

    /** What is stored of the PDF: the file and its text, or, when anonymized, only the de-identified text. */
    private record Kept(byte[] content, ContentKind kind, String name, String text) {}

    /** The name to give the file: required, ending in .pdf, one plain name (no folders, no control characters). */
    private static String filename(String filename) {
        if (filename == null || filename.isBlank()) {
            throw PatientPdfException.badRequest("filename is required and must include the .pdf extension.");
        }
        String name = filename.strip();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf") || name.length() <= 4) {
            throw PatientPdfException.badRequest("The filename must include the .pdf extension.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw PatientPdfException.badRequest("The filename is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
            throw PatientPdfException.badRequest(
                    "The filename must be a plain file name without folders or control characters.");
        }
        return name;
    }
}
