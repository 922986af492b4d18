package dev.chartroom.intake.documents;

import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.document.Document;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStorage;
import dev.chartroom.document.Documents;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.tenant.Caller;
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

    DocumentUploadIntake(
            Documents documents,
            DocumentStorage storage,
            Jobs jobs,
            JsonMapper json,
            IntakeLimits limits,
            DocumentDecoding decoding,
            IngestGate gate) {
        this.gate = gate;
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

    private String accept(String organizationId, DocumentUploadForm form, byte[] content) {
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
        ContentKind kind = kindOf(content);
        String fileName =
                fileName(form.document() == null ? null : form.document().name(), kind);

        return storage.store(organizationId, List.of(content), blobs -> {
            Document document = documents.store(
                    organizationId,
                    Documents.NewDocument.awaitingPatient(fileName, kind, blobs.getFirst(), form.folderName(), notes),
                    new Documents.Filing("doc", fileName, reviewed, highPriority, assignedTo, null, null, mrn));
            jobs.enqueueFor(
                    organizationId,
                    DocumentProcessing.TYPE,
                    json.writeValueAsString(Map.of("documentId", document.id())));
            return document.id();
        });
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
