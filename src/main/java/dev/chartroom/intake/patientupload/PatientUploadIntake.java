package dev.chartroom.intake.patientupload;

import dev.chartroom.intake.Parts;
import dev.chartroom.text.Sha256;
import dev.chartroom.csv.ColumnMapping;
import dev.chartroom.csv.CsvLimits;
import dev.chartroom.csv.CsvTable;
import dev.chartroom.csv.InvalidCsvException;
import dev.chartroom.csv.PatientFile;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStorage;
import dev.chartroom.document.Documents;
import dev.chartroom.document.PdfBoxTextExtractor;
import dev.chartroom.document.TextDecoding;
import dev.chartroom.intake.Announcements;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.patient.DocumentTextExtraction;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.patient.Patients;
import dev.chartroom.patient.Precedence;
import dev.chartroom.patient.StoredPatients;
import dev.chartroom.patient.TextDemographics;
import dev.chartroom.storage.StoredBlob;
import dev.chartroom.upload.NewUpload;
import dev.chartroom.upload.Upload;
import dev.chartroom.upload.Uploads;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patient upload contract's rules: what a file is (by content), one patient per PDF or TXT,
 * patient and event CSV files, idempotent re-uploads, and one transaction per upload so that a
 * refused file writes nothing.
 */
@Component
class PatientUploadIntake {

    static final String KIND_PATIENT_CSV = "patient-csv";
    static final String KIND_EVENT_CSV = "event-csv";
    static final String KIND_PDF = "patient-pdf";
    static final String KIND_TXT = "patient-txt";

    private final Patients patients;
    private final Announcements announcements;
    private final DocumentTextExtraction textExtraction;
    private final Uploads uploads;
    private final Documents documents;
    private final DocumentStorage storage;
    private final CsvLimits csvLimits;
    private final DocumentDecoding decoding;
    private final int pdfMaxPages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PatientUploadIntake(Patients patients, Announcements announcements, DocumentTextExtraction textExtraction,
                        Uploads uploads, Documents documents, DocumentStorage storage, CsvLimits csvLimits,
                        IntakeLimits limits, DocumentDecoding decoding, TransactionTemplate transaction, Clock clock) {
        this.patients = patients;
        this.announcements = announcements;
        this.textExtraction = textExtraction;
        this.uploads = uploads;
        this.documents = documents;
        this.storage = storage;
        this.csvLimits = csvLimits;
        this.decoding = decoding;
        this.pdfMaxPages = limits.pdfMaxPages();
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * One accepted file: where it goes and how it is to be treated.
     *
     * @param columns the optional {@code columns} field of a CSV upload (see {@link ColumnMapping}); null when absent
     */
    record Request(String organizationId, String groupId, boolean anonymize, String fileName, byte[] content,
                   String columns) {
    }

    PatientUploadResponse accept(Request request) {
        Instant receivedAt = Instant.now(clock);
        byte[] content = request.content();
        ContentKind kind = ContentSniffer.sniff(content);
        return switch (kind) {
            case PDF -> acceptPdf(request, receivedAt);
            case TEXT -> {
                refuseDataFormats(request.fileName(), content);
                yield isCsv(request.fileName(), content) ? acceptCsv(request, receivedAt) : acceptText(request, receivedAt);
            }
            default -> throw PatientUploadException.invalidFileType(
                    "File format not supported: send a PDF, a TXT or a CSV file.");
        };
    }

    /** File name endings of formats this contract does not take, even when their bytes are text. */
    private static final List<String> OTHER_FORMATS = List.of(".json", ".ndjson", ".jsonl", ".xml", ".cda", ".html",
            ".htm", ".rtf", ".doc", ".docx", ".xls", ".xlsx");

    /**
     * The seed takes PDF, TXT and CSV only: text that is JSON, NDJSON, XML (C-CDA), HTML or RTF, by
     * its content or its name, is not a clinical note, and a file named .pdf must be a PDF.
     */
    private static void refuseDataFormats(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            throw PatientUploadException.invalidFileType("File format not supported: the file is named .pdf but is not a PDF.");
        }
        var format = ContentSniffer.markup(content)
                .or(() -> OTHER_FORMATS.stream().filter(name::endsWith).findFirst().map(e -> e.substring(1).toUpperCase(Locale.ROOT)));
        if (format.isPresent()) {
            throw PatientUploadException.invalidFileType("File format not supported: this is " + format.get()
                    + "; send a PDF, a TXT or a CSV file.");
        }
    }

    private PatientUploadResponse acceptPdf(Request request, Instant receivedAt) {
        return switch (decoding.readPdf(request.content(), pdfMaxPages)) {
            case PdfBoxTextExtractor.Result.Readable readable ->
                    acceptOnePatient(request, receivedAt, KIND_PDF, ContentKind.PDF, readable.text());
            case PdfBoxTextExtractor.Result.Unreadable unreadable ->
                    throw PatientUploadException.invalidFileType("File format not supported: " + unreadable.reason());
        };
    }

    private PatientUploadResponse acceptText(Request request, Instant receivedAt) {
        String text = TextDecoding.decode(request.content()).replace("\r\n", "\n");
        return acceptOnePatient(request, receivedAt, KIND_TXT, ContentKind.TEXT, text.strip());
    }

    /** PDF and TXT: one patient per file, the file kept as the patient's document. */
    private PatientUploadResponse acceptOnePatient(Request request, Instant receivedAt, String uploadKind,
                                                   ContentKind contentKind, String text) {
        String org = request.organizationId();
        String sha256 = Sha256.hex(request.content());
        var earlier = uploads.sameFile(org, sha256, uploadKind, request.groupId());
        if (earlier.isPresent()) {
            return new PatientUploadResponse(true, 1, null, earlier.get().id());
        }
        LocalDate today = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
        PatientFacts found = TextDemographics.read(text, today);
        String externalId = found.externalId() != null ? found.externalId() : "doc-" + sha256.substring(0, 16);
        PatientFacts facts = new PatientFacts(externalId, found.name(), found.firstName(), found.lastName(),
                found.birthDate(), found.sex(), null, null, null, null, java.util.Map.of());
        // The same new patient from two uploads at once: one fails on the key and runs again.
        return Parts.retryingOnDuplicateKey(() -> storage.store(org, List.of(request.content()), blobs -> {
                    StoredBlob blob = blobs.getFirst();
                    String uploadId = uploads.newId();
                    StoredPatients stored = patients.upsert(org, List.of(facts), Precedence.STORED_WINS, request.anonymize());
                    long patientId = stored.idsByExternalId().get(externalId);
                    patients.addToGroup(org, request.groupId(), List.of(patientId));
                    boolean known = documents.ofPatient(org, patientId).stream().anyMatch(d -> d.sha256().equals(sha256));
                    if (!known) {
                        patients.appendClinicalText(org, patientId, text);
                        var document = documents.store(org, new Documents.NewDocument(patientId, uploadId,
                                fileName(request, contentKind), contentKind, blob, null, null, "processed", text));
                        textExtraction.schedule(org, document.id());
                    }
                    Upload upload = uploads.recordProcessed(org, uploadId, newUpload(request, uploadKind, sha256),
                            receivedAt, new Upload.Counts(1, 1, 1, 0), List.of());
                    announcements.patientsCreated(org, uploadId, created(stored));
                    announcements.uploadProcessed(org, upload);
                    return new PatientUploadResponse(true, 1, null, uploadId);
                }));
    }

    private PatientUploadResponse acceptCsv(Request request, Instant receivedAt) {
        String text = TextDecoding.decode(request.content());
        PatientFile.Parsed parsed;
        try (CsvTable table = CsvTable.open(new StringReader(text), csvLimits)) {
            ColumnMapping mapping = ColumnMapping.parse(request.columns());
            parsed = PatientFile.parse(table, LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), mapping);
        } catch (PatientFile.MissingPatientIdException e) {
            throw new PatientUploadException(org.springframework.http.HttpStatus.BAD_REQUEST, "missing_patient_id",
                    "One or more rows have an empty patient_id (first at line " + e.line() + "); nothing was stored.");
        } catch (InvalidCsvException e) {
            throw PatientUploadException.invalidCsvFormat(e.getMessage());
        }
        String org = request.organizationId();
        String sha256 = Sha256.hex(request.content());
        String kind = parsed.eventFile() ? KIND_EVENT_CSV : KIND_PATIENT_CSV;
        // New rows are inserted plainly (see PostgresPatientWriter): when a concurrent upload stored the
        // same new rows first, this one fails on the key, and a second run finds them and updates.
        return Parts.retryingOnDuplicateKey(() -> storeCsv(request, receivedAt, parsed, org, sha256, kind));
    }

    private PatientUploadResponse storeCsv(Request request, Instant receivedAt, PatientFile.Parsed parsed, String org,
                                           String sha256, String kind) {
        return transaction.execute(status -> {
            String uploadId = uploads.newId();
            StoredPatients stored = patients.upsert(org, parsed.patients(), Precedence.UPLOAD_WINS, request.anonymize());
            patients.addToGroup(org, request.groupId(), stored.idsByExternalId().values());
            patients.upsertEvents(org, stored, parsed.events());
            int count = stored.idsByExternalId().size();
            Upload upload = uploads.recordProcessed(org, uploadId, newUpload(request, kind, sha256), receivedAt,
                    new Upload.Counts(parsed.rows(), parsed.expected(), count, parsed.errors().size()), parsed.errors());
            announcements.patientsCreated(org, uploadId, created(stored));
            announcements.uploadProcessed(org, upload);
            Integer expected = parsed.expected() > count ? parsed.expected() : null;
            return new PatientUploadResponse(true, count, expected, uploadId);
        });
    }

    /**
     * Text is a CSV when its name says so; without a telling name, when its first line is a
     * header starting with patient_id. Everything else is a clinical note.
     */
    private static boolean isCsv(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return true;
        }
        if (name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md")) {
            return false;
        }
        String start = new String(content, 0, Math.min(content.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").strip().toLowerCase(Locale.ROOT);
        return start.startsWith("patient_id,") || start.startsWith("\"patient_id\",");
    }

    private static String fileName(Request request, ContentKind kind) {
        if (request.fileName() != null && !request.fileName().isBlank()) {
            return request.fileName().length() > 500 ? request.fileName().substring(0, 500) : request.fileName();
        }
        return kind == ContentKind.PDF ? "upload.pdf" : "upload.txt";
    }

    private static java.util.Map<String, Long> created(StoredPatients stored) {
        var created = new java.util.LinkedHashMap<String, Long>();
        stored.created().forEach(externalId -> created.put(externalId, stored.idsByExternalId().get(externalId)));
        return created;
    }

    private static NewUpload newUpload(Request request, String kind, String sha256) {
        String name = request.fileName() == null || request.fileName().length() <= 500 ? request.fileName()
                : request.fileName().substring(0, 500);
        return new NewUpload(kind, name, request.content().length, sha256, request.groupId(), request.anonymize());
    }
}
