package dev.chartroom.intake.attachments;

import dev.chartroom.deid.RecordDeidentifier;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.document.Document;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStorage;
import dev.chartroom.document.DocumentThumbnails;
import dev.chartroom.document.Documents;
import dev.chartroom.document.PdfBoxTextExtractor;
import dev.chartroom.document.SignedUrls;
import dev.chartroom.document.TextDecoding;
import dev.chartroom.intake.Anonymization;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.patient.PatientDetails;
import dev.chartroom.patient.Patients;
import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The bulk attachments contract's rules: the request's shape (422 with every problem found), the
 * patient (the caller's, else 403 or 404), each file by its content (PDF that opens, JPEG, PNG or
 * text), then every file stored or none, each with its name, external id and note.
 */
@Component
class AttachmentsIntake {

    private static final int MAX_NOTE_ID_LENGTH = 200;
    private static final int MAX_NAME_LENGTH = 255;

    private final Patients patients;
    private final Documents documents;
    private final DocumentStorage storage;
    private final DocumentThumbnails thumbnails;
    private final SignedUrls urls;
    private final IntakeLimits limits;
    private final DocumentDecoding decoding;
    private final IngestGate gate;
    private final Anonymization anonymization;

    AttachmentsIntake(
            Patients patients,
            Documents documents,
            DocumentStorage storage,
            DocumentThumbnails thumbnails,
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
        this.urls = urls;
        this.limits = limits;
        this.decoding = decoding;
    }

    /** One file as sent. */
    record File(String originalFilename, byte[] content) {}

    /**
     * Checks the form and stores all its files or none; the files are read into memory only once
     * the {@link IngestGate} admits the request.
     *
     * @throws AttachmentsException every problem of the form at once, in the seed's shape
     */
    AttachmentResponses.Bulk accept(Caller caller, AttachmentsForm form) {
        return gate.admit(() -> accept(
                caller.organizationId(),
                form,
                form.attachments() == null
                        ? List.of()
                        : form.attachments().stream()
                                .filter(f -> f != null && f.name() != null)
                                .map(f -> new File(f.name(), f.bytes()))
                                .toList()));
    }

    private AttachmentResponses.Bulk accept(OrganizationId organizationId, AttachmentsForm form, List<File> files) {
        var problems = new ArrayList<AttachmentProblem>();
        if (form.tenant() == null || form.tenant().isBlank()) {
            problems.add(AttachmentProblem.missing("header", "TENANT"));
        }
        if (form.patientId() == null || form.patientId().isBlank()) {
            problems.add(AttachmentProblem.missing("body", "patient_id"));
        }
        if (files.isEmpty()) {
            problems.add(AttachmentProblem.missing("body", "attachments"));
        } else if (files.size() > limits.attachmentsMaxFiles()) {
            problems.add(AttachmentProblem.value(
                    "At most " + limits.attachmentsMaxFiles() + " attachments per request.", "body", "attachments"));
        }
        List<String> names = aligned("names", form.names(), ValueList.MAX_VALUE_LENGTH, files.size(), problems);
        // external ids are stored in a 200-character column
        List<String> externalIds = aligned("external_ids", form.externalIds(), 200, files.size(), problems);
        String noteId = form.noteId() == null || form.noteId().isBlank()
                ? null
                : form.noteId().strip();
        if (noteId != null && noteId.length() > MAX_NOTE_ID_LENGTH) {
            problems.add(AttachmentProblem.value(
                    "note_id must be at most " + MAX_NOTE_ID_LENGTH + " characters.", "body", "note_id"));
        }
        if (!problems.isEmpty()) {
            throw AttachmentsException.invalid(problems);
        }
        for (File file : files) {
            if (file.content().length > limits.attachmentsMaxFileSize().toBytes()) {
                throw AttachmentsException.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Each attachment must be at most "
                                + limits.attachmentsMaxFileSize().toMegabytes() + "MB.");
            }
        }
        PatientDetails patient = patient(organizationId, form.patientId().strip());
        RecordDeidentifier records = anonymization
                .ofDocumentsFor(organizationId, patient.summary().id())
                .orElse(null);
        List<Checked> checked = check(files, records != null, problems);
        if (!problems.isEmpty()) {
            throw AttachmentsException.invalid(problems);
        }
        if (records != null) {
            var about = records.subject(patient.summary());
            checked = checked.stream()
                    .map(file -> file.anonymized(records.text(file.text(), about)))
                    .toList();
            // A display name is a short label ("Smith referral"): too little context to find a
            // name in, so none is kept, as no file name is.
            names = names.stream().map(name -> (String) null).toList();
        }
        List<String> displayNames = names;
        List<Checked> kept = checked;

        long patientId = patient.summary().id();
        record Stored(List<Document> documents, Instant noteCreated) {}
        Stored stored = storage.store(
                organizationId, kept.stream().map(Checked::content).toList(), blobs -> {
                    List<Document> saved = new ArrayList<>();
                    for (int i = 0; i < blobs.size(); i++) {
                        Checked file = kept.get(i);
                        String name = displayNames.get(i) != null ? displayNames.get(i) : file.fileName();
                        Document document = documents.store(
                                organizationId,
                                Documents.NewDocument.ofPatient(
                                        patientId, null, file.fileName(), file.kind(), blobs.get(i), file.text()),
                                new Documents.Filing(
                                        "att", name, false, false, null, externalIds.get(i), noteId, null));
                        if (hasThumbnail(file.kind())) {
                            thumbnails.requestFor(organizationId, document.id());
                        }
                        saved.add(document);
                    }
                    Instant noteCreated = noteId == null
                            ? null
                            : documents.noteCreatedAt(organizationId, noteId).orElse(null);
                    return new Stored(saved, noteCreated);
                });

        var patientView = AttachmentResponses.Patient.of(patient);
        var note = noteId == null ? null : new AttachmentResponses.Note(noteId, stored.noteCreated());
        return new AttachmentResponses.Bulk(stored.documents().stream()
                .map(d -> new AttachmentResponses.NoteAttachment(
                        d.id(),
                        d.blobKey(),
                        d.fileName(),
                        urls.content(organizationId, d),
                        d.name(),
                        d.createdAt(),
                        d.noteId(),
                        hasThumbnail(kindOf(d)) ? urls.thumbnail(organizationId, d) : null,
                        List.of(),
                        d.externalId(),
                        patientView,
                        note,
                        null,
                        List.of()))
                .toList());
    }

    /** A file that passed its checks: what is stored of it, its kind, its name and the text read from it. */
    private record Checked(byte[] content, ContentKind kind, String fileName, String text) {

        /**
         * What an anonymizing organization keeps of the file: only its de-identified text, under a
         * name that is not the sent one (file names often are the patient's).
         */
        Checked anonymized(String deidentified) {
            String kept = deidentified == null ? "" : deidentified;
            return new Checked(kept.getBytes(StandardCharsets.UTF_8), ContentKind.TEXT, ANONYMIZED_NAME, kept);
        }
    }

    static final String ANONYMIZED_NAME = "anonymized.txt";

    static final String IMAGES_NOT_ANONYMIZED =
            "This organization stores its uploads de-identified, and an image cannot"
                    + " be de-identified (it may show a face or a name): send PDF or text files.";

    /** @param anonymized whether the organization stores de-identified text only, which an image cannot give */
    private List<Checked> check(List<File> files, boolean anonymized, List<AttachmentProblem> problems) {
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] content = files.get(i).content();
            if (content.length == 0) {
                problems.add(AttachmentProblem.value("The file is empty.", "body", "attachments", i));
                checked.add(null);
                continue;
            }
            ContentKind kind = ContentSniffer.sniff(content);
            String text = null;
            switch (kind) {
                case PDF -> {
                    switch (decoding.readStrictPdf(content, limits.pdfMaxPages())) {
                        case PdfBoxTextExtractor.Result.Readable readable -> text = readable.text();
                        case PdfBoxTextExtractor.Result.Unreadable unreadable ->
                            problems.add(AttachmentProblem.value(unreadable.reason(), "body", "attachments", i));
                    }
                }
                case TEXT -> text = TextDecoding.decode(content);
                case PNG, JPEG -> {
                    if (anonymized) {
                        problems.add(AttachmentProblem.value(IMAGES_NOT_ANONYMIZED, "body", "attachments", i));
                        break;
                    }
                    var oversized = decoding.oversizedImage(content);
                    if (oversized.isPresent()) {
                        problems.add(AttachmentProblem.value(oversized.get(), "body", "attachments", i));
                    }
                }
                case OTHER ->
                    problems.add(AttachmentProblem.value(
                            "Unsupported file type: send PDF, JPEG, PNG or text files.", "body", "attachments", i));
            }
            checked.add(new Checked(content, kind, fileName(files.get(i).originalFilename(), kind), text));
        }
        return checked;
    }

    private PatientDetails patient(OrganizationId organizationId, String patientId) {
        return switch (patients.holderOf(organizationId, patientId)) {
            case CALLER ->
                patients.find(organizationId, Long.parseLong(patientId))
                        .orElseThrow(() -> AttachmentsException.of(HttpStatus.NOT_FOUND, "Patient not found"));
            case ANOTHER_ORGANIZATION ->
                throw AttachmentsException.of(HttpStatus.FORBIDDEN, "This patient does not belong to your tenant.");
            case NONE -> throw AttachmentsException.of(HttpStatus.NOT_FOUND, "Patient not found");
        };
    }

    /** A names/external_ids field as one entry (possibly null) per file; problems when it does not align. */
    private static List<String> aligned(
            String field, String raw, int maxLength, int files, List<AttachmentProblem> problems) {
        List<String> none = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            none.add(null);
        }
        return switch (ValueList.parse(raw, maxLength)) {
            case ValueList.Parsed.Absent absent -> none;
            case ValueList.Parsed.Invalid invalid -> {
                problems.add(AttachmentProblem.value(field + " " + invalid.reason() + ".", "body", field));
                yield none;
            }
            case ValueList.Parsed.Values values -> {
                if (values.values().size() != files) {
                    problems.add(AttachmentProblem.value(
                            field + " has " + values.values().size() + " entries but " + files
                                    + " attachments were sent; send one per attachment.",
                            "body",
                            field));
                    yield none;
                }
                yield values.values();
            }
        };
    }

    private static boolean hasThumbnail(ContentKind kind) {
        return kind == ContentKind.PDF || kind == ContentKind.PNG || kind == ContentKind.JPEG;
    }

    private static ContentKind kindOf(Document document) {
        for (ContentKind kind : ContentKind.values()) {
            if (kind.mediaType().equals(document.contentType())) {
                return kind;
            }
        }
        return ContentKind.OTHER;
    }

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
            name = "attachment"
                    + switch (kind) {
                        case PDF -> ".pdf";
                        case PNG -> ".png";
                        case JPEG -> ".jpg";
                        default -> ".txt";
                    };
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }
}
