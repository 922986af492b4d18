package dev.chartroom.intake.documents;

import dev.chartroom.deid.RecordDeidentifier;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.document.Document;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStorage;
import dev.chartroom.document.Documents;
import dev.chartroom.document.PdfBoxTextExtractor;
import dev.chartroom.intake.Anonymization;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document contract's synchronous half: every rule about the request's shape (fields, sizes,
 * file kind by content, folder names) is checked before anything is stored; then the file and a
 * pending document are stored and {@link DocumentProcessing} is enqueued in the same transaction.
 * Matching the patient and the assignee happens there, announced by webhook.
 */
@Component
class DocumentUploadIntake {

    private static final int MAX_MRN_LENGTH = 200;
    private static final int MAX_STAFF_ID_LENGTH = 200;

    private final Documents documents;
    private final DocumentStorage storage;
    private final Jobs jobs;
    private final JsonMapper json;
    private final IntakeLimits limits;
    private final DocumentDecoding decoding;
    private final IngestGate gate;
    private final Anonymization anonymization;

    DocumentUploadIntake(
            Documents documents,
            DocumentStorage storage,
            Jobs jobs,
            JsonMapper json,
            IntakeLimits limits,
            DocumentDecoding decoding,
            IngestGate gate,
            Anonymization anonymization) {
        this.gate = gate;
        this.anonymization = anonymization;
        this.documents = documents;
        this.storage = storage;
        this.jobs = jobs;
        this.json = json;
        this.limits = limits;
        this.decoding = decoding;
    }

    /**
     * Checks the form and stores its document, which is processed afterwards; the file is read into
     * memory only once the {@link IngestGate} admits it.
     *
     * @throws DocumentUploadException a missing or wrong field, in the seed's error shape
     */
    DocumentUploadResponses.Accepted accept(Caller caller, DocumentUploadForm form) {
        String id = gate.admit(() -> accept(
                caller.organizationId(),
                form,
                form.document() == null ? null : form.document().bytes()));
        return new DocumentUploadResponses.Accepted(true, DocumentUploadResponses.ACCEPTED, id);
    }

    private String accept(OrganizationId organizationId, DocumentUploadForm form, byte[] content) {
        FolderName.problem(form.folderName()).ifPresent(problem -> {
            throw DocumentUploadException.badRequest(
                    form.folderName() == null || form.folderName().isEmpty() ? "missing_field" : "invalid_folder_name",
                    problem);
        });
        String mrn = form.patientMrn() == null ? "" : form.patientMrn().strip();
        if (mrn.isEmpty()) {
            throw DocumentUploadException.badRequest("missing_field", "patient_mrn is required.");
        }
        if (mrn.length() > MAX_MRN_LENGTH) {
            throw DocumentUploadException.badRequest(
                    "invalid_request", "patient_mrn is longer than " + MAX_MRN_LENGTH + " characters.");
        }
        String assignedTo =
                form.emrAssignedToId() == null || form.emrAssignedToId().isBlank()
                        ? null
                        : form.emrAssignedToId().strip();
        if (assignedTo != null && assignedTo.length() > MAX_STAFF_ID_LENGTH) {
            throw DocumentUploadException.badRequest(
                    "invalid_request", "emr_assigned_to_id is longer than " + MAX_STAFF_ID_LENGTH + " characters.");
        }
        boolean reviewed = flag("is_reviewed", form.isReviewed());
        boolean highPriority = flag("is_high_priority", form.isHighPriority());
        String notes = form.notes() == null || form.notes().isEmpty() ? null : form.notes();
        if (notes != null && notes.codePointCount(0, notes.length()) > limits.documentNotesMaxLength()) {
            throw DocumentUploadException.badRequest(
                    "notes_too_long", "notes must be at most " + limits.documentNotesMaxLength() + " characters.");
        }
        ContentKind sentKind = kindOf(content);
        Anonymization.DocumentRules rules =
                anonymization.ofDocumentsFor(organizationId, mrn).orElse(null);
        Kept kept = rules == null
                ? new Kept(
                        content,
                        sentKind,
                        fileName(
                                form.document() == null ? null : form.document().name(), sentKind),
                        mrn,
                        notes)
                : anonymized(rules, content, sentKind, mrn, notes);

        return storage.store(organizationId, List.of(kept.content()), blobs -> {
            Document document = documents.store(
                    organizationId,
                    Documents.NewDocument.awaitingPatient(
                            kept.fileName(), kept.kind(), blobs.getFirst(), form.folderName(), kept.notes()),
                    new Documents.Filing(
                            "doc", kept.fileName(), reviewed, highPriority, assignedTo, null, null, kept.patientMrn()));
            jobs.enqueueFor(
                    organizationId,
                    DocumentProcessing.TYPE,
                    json.writeValueAsString(Map.of("documentId", document.id())));
            return document.id();
        });
    }

    /** What is stored of the upload: the file as sent, or, for an anonymizing organization, its de-identified text. */
    private record Kept(byte[] content, ContentKind kind, String fileName, String patientMrn, String notes) {}

    static final String ANONYMIZED_NAME = "anonymized.txt";

    /**
     * An anonymizing organization keeps no original: the PDF is read now and only its de-identified
     * text is stored (under a name that is not the sent one, which is often the patient's), the MRN
     * becomes the patient's pseudonym, which is what their de-identified record is filed under (a
     * patient stored as sent before keeps their MRN: {@link Anonymization#ofDocumentsFor}), and
     * the notes are de-identified. An image cannot be de-identified (a face, a name in the picture),
     * so it is refused rather than kept.
     */
    private Kept anonymized(
            Anonymization.DocumentRules rules, byte[] content, ContentKind kind, String mrn, String notes) {
        RecordDeidentifier records = rules.records();
        if (kind != ContentKind.PDF) {
            throw DocumentUploadException.badRequest(
                    "invalid_file_type",
                    "This organization stores its uploads de-identified, and an image cannot be de-identified"
                            + " (it may show a face or a name): send the document as a PDF.");
        }
        String text = switch (decoding.readStrictPdf(content, limits.pdfMaxPages())) {
            case PdfBoxTextExtractor.Result.Readable readable -> readable.text();
            case PdfBoxTextExtractor.Result.Unreadable unreadable ->
                throw DocumentUploadException.badRequest(
                        "invalid_file", "The document could not be read: " + unreadable.reason());
        };
        var about = records.subject(mrn, List.of());
        String kept = records.text(text, about);
        return new Kept(
                kept.getBytes(StandardCharsets.UTF_8),
                ContentKind.TEXT,
                ANONYMIZED_NAME,
                rules.patientMrn(),
                records.text(notes, about));
    }

    private ContentKind kindOf(byte[] content) {
        if (content == null) {
            throw DocumentUploadException.badRequest(
                    "missing_field", "document is required: send the file as a multipart file part named 'document'.");
        }
        if (content.length == 0) {
            throw DocumentUploadException.badRequest("invalid_file", "The document is empty.");
        }
        if (content.length > limits.documentMaxFileSize().toBytes()) {
            throw DocumentUploadException.badRequest(
                    "file_too_large",
                    "Maximum file size is " + limits.documentMaxFileSize().toMegabytes() + "MB.");
        }
        ContentKind kind = ContentSniffer.sniff(content);
        if (kind != ContentKind.PDF && kind != ContentKind.JPEG && kind != ContentKind.PNG) {
            throw DocumentUploadException.badRequest("invalid_file_type", "Only PDF, JPEG, and PNG files are allowed.");
        }
        if (kind != ContentKind.PDF) {
            // The header alone tells a picture too large to decode; refuse it now rather than fail it later.
            decoding.oversizedImage(content).ifPresent(reason -> {
                throw DocumentUploadException.badRequest("invalid_file", reason);
            });
        }
        return kind;
    }

    /** The seed's booleans default to false; "true"/"false" (and 1/0) are accepted in any case. */
    static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw DocumentUploadException.badRequest("invalid_request", field + " must be true or false.");
        };
    }

    /** The sent file's own name without any folder part, or a name after its kind. */
    private static String fileName(String sent, ContentKind kind) {
        String name = sent == null
                ? ""
                : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                        .strip();
        name = name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (name.isEmpty()) {
            return switch (kind) {
                case PDF -> "document.pdf";
                case JPEG -> "document.jpg";
                default -> "document.png";
            };
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
