package dev.chartroom.intake.patientupload;

import dev.chartroom.csv.ColumnMapping;
import dev.chartroom.csv.CsvLimits;
import dev.chartroom.csv.CsvTable;
import dev.chartroom.csv.InvalidCsvException;
import dev.chartroom.csv.PatientFile;
import dev.chartroom.deid.RecordDeidentifier;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.document.DocumentDecoding;
import dev.chartroom.document.DocumentStorage;
import dev.chartroom.document.Documents;
import dev.chartroom.document.PdfBoxTextExtractor;
import dev.chartroom.document.TextDecoding;
import dev.chartroom.intake.Announcements;
import dev.chartroom.intake.Anonymization;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.intake.Parts;
import dev.chartroom.intake.UploadedFile;
import dev.chartroom.patient.DocumentTextExtraction;
import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.Groups;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.patient.Patients;
import dev.chartroom.patient.Precedence;
import dev.chartroom.patient.StoredPatients;
import dev.chartroom.patient.TextDemographics;
import dev.chartroom.storage.StoredBlob;
import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Sha256;
import dev.chartroom.upload.NewUpload;
import dev.chartroom.upload.Upload;
import dev.chartroom.upload.UploadKind;
import dev.chartroom.upload.Uploads;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The patient upload contract's rules: what a file is (by content), one patient per PDF or TXT,
 * patient and event CSV files (read as they stream, events written in batches), idempotent
 * re-uploads, and one transaction per upload so that a refused file writes nothing.
 */
@Component
class PatientUploadIntake {

    private final Patients patients;
    private final Announcements announcements;
    private final DocumentTextExtraction textExtraction;
    private final Uploads uploads;
    private final Documents documents;
    private final DocumentStorage storage;
    private final CsvLimits csvLimits;
    private final DocumentDecoding decoding;
    private final int pdfMaxPages;
    private final IngestGate gate;
    private final Anonymization anonymization;
    private final Groups groups;
    private final DataSize maxFileSize;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PatientUploadIntake(
            Patients patients,
            Announcements announcements,
            DocumentTextExtraction textExtraction,
            Uploads uploads,
            Documents documents,
            DocumentStorage storage,
            CsvLimits csvLimits,
            IntakeLimits limits,
            DocumentDecoding decoding,
            IngestGate gate,
            Anonymization anonymization,
            Groups groups,
            TransactionTemplate transaction,
            Clock clock) {
        this.gate = gate;
        this.groups = groups;
        this.maxFileSize = limits.patientUploadMaxFileSize();
        this.anonymization = anonymization;
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
    record Request(
            OrganizationId organizationId, String groupId, boolean anonymize, UploadedFile file, String columns) {

        String fileName() {
            return file.name();
        }
    }

    /**
     * Checks the form in the seed's order (team, file, size, group) and stores its file.
     *
     * @throws PatientUploadException a missing or wrong field, in the seed's error shape
     */
    PatientUploadResponse accept(Caller caller, PatientUploadForm form) {
        if (form.teamId() == null || form.teamId().isBlank()) {
            throw PatientUploadException.invalidRequest("teamId is required.");
        }
        caller.requireOrganization(form.teamId().strip());
        UploadedFile file = form.file();
        if (file == null) {
            throw PatientUploadException.invalidRequest(
                    "file is required: send the file as a multipart file part named 'file'.");
        }
        if (file.size() > maxFileSize.toBytes()) {
            throw new PatientUploadException(
                    HttpStatus.BAD_REQUEST,
                    "file_too_large",
                    "File exceeds " + maxFileSize.toMegabytes() + "MB limit.");
        }
        if (file.size() == 0) {
            throw PatientUploadException.invalidFileType("The file is empty.");
        }
        if (form.groupId() == null || form.groupId().isBlank()) {
            throw PatientUploadException.invalidRequest("groupId is required.");
        }
        OrganizationId org = caller.organizationId();
        String group = form.groupId().strip();
        if (groups.find(org, group).isEmpty()) {
            throw new PatientUploadException(
                    HttpStatus.NOT_FOUND, "group_not_found", "No group with that groupId in this team.");
        }
        return store(new Request(org, group, anonymizes(org, anonymize(form.anonymize())), file, form.columns()));
    }

    /** An upload is de-identified when it says so, or, when it does not say, when its organization's setting does. */
    private boolean anonymizes(OrganizationId organizationId, Boolean stated) {
        return stated != null ? stated : anonymization.isDefaultFor(organizationId);
    }

    /** The anonymize field as sent; null when the upload does not say. */
    private static Boolean anonymize(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw PatientUploadException.invalidRequest("anonymize must be true or false.");
        };
    }

    /**
     * Stores one file once the {@link IngestGate} admits it: a CSV in its organization's turn, a
     * PDF or a note (one patient) in any free slot.
     *
     * @throws dev.chartroom.web.ServerBusyException when it was not admitted in time, or its writes kept
     *                                               colliding with concurrent ones
     */
    private PatientUploadResponse store(Request request) {
        Instant receivedAt = Instant.now(clock);
        UploadedFile file = request.file();
        // What the file is, by its first bytes and one pass over the rest: a CSV is never held whole.
        byte[] head = file.head(ContentSniffer.SAMPLE_SIZE);
        ContentKind kind = ContentSniffer.sniff(head, head.length, head.length == file.size());
        UploadedFile.Scan scan = null;
        if (kind == ContentKind.TEXT) {
            scan = file.scan();
            kind = scan.text() ? kind : ContentKind.OTHER;
        }
        return switch (kind) {
            case PDF -> gate.admit(() -> acceptPdf(request, file.bytes(), receivedAt));
            case TEXT -> {
                refuseDataFormats(request.fileName(), head);
                UploadedFile.Scan text = scan;
                yield isCsv(request.fileName(), head)
                        ? gate.run(request.organizationId(), () -> acceptCsv(request, text, receivedAt))
                        : gate.admit(() -> acceptText(request, file.bytes(), receivedAt));
            }
            default ->
                throw PatientUploadException.invalidFileType(
                        "File format not supported: send a PDF, a TXT or a CSV file.");
        };
    }

    /** File name endings of formats this contract does not take, even when their bytes are text. */
    private static final List<String> OTHER_FORMATS = List.of(
            ".json", ".ndjson", ".jsonl", ".xml", ".cda", ".html", ".htm", ".rtf", ".doc", ".docx", ".xls", ".xlsx");

    /**
     * The seed takes PDF, TXT and CSV only: text that is JSON, NDJSON, XML (C-CDA), HTML or RTF, by
     * its content or its name, is not a clinical note, and a file named .pdf must be a PDF.
     */
    private static void refuseDataFormats(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            throw PatientUploadException.invalidFileType(
                    "File format not supported: the file is named .pdf but is not a PDF.");
        }
        var format = ContentSniffer.markup(content)
                .or(() -> OTHER_FORMATS.stream()
                        .filter(name::endsWith)
                        .findFirst()
                        .map(e -> e.substring(1).toUpperCase(Locale.ROOT)));
        if (format.isPresent()) {
            throw PatientUploadException.invalidFileType(
                    "File format not supported: this is " + format.get() + "; send a PDF, a TXT or a CSV file.");
        }
    }

    private PatientUploadResponse acceptPdf(Request request, byte[] content, Instant receivedAt) {
        return switch (decoding.readPdf(content, pdfMaxPages)) {
            case PdfBoxTextExtractor.Result.Readable readable ->
                acceptOnePatient(
                        request, content, receivedAt, UploadKind.PATIENT_PDF, ContentKind.PDF, readable.text());
            case PdfBoxTextExtractor.Result.Unreadable unreadable ->
                throw PatientUploadException.invalidFileType("File format not supported: " + unreadable.reason());
        };
    }

    private PatientUploadResponse acceptText(Request request, byte[] content, Instant receivedAt) {
        String text = TextDecoding.decode(content).replace("\r\n", "\n");
        return acceptOnePatient(request, content, receivedAt, UploadKind.PATIENT_TXT, ContentKind.TEXT, text.strip());
    }

    /** PDF and TXT: one patient per file, the file kept as the patient's document. */
    private PatientUploadResponse acceptOnePatient(
            Request request,
            byte[] content,
            Instant receivedAt,
            UploadKind uploadKind,
            ContentKind contentKind,
            String text) {
        OrganizationId org = request.organizationId();
        String sha256 = Sha256.hex(content);
        var earlier = uploads.sameFile(org, sha256, uploadKind, request.groupId());
        if (earlier.isPresent()) {
            return new PatientUploadResponse(true, 1, null, earlier.get().id());
        }
        LocalDate today = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
        PatientFacts found = TextDemographics.read(text, today);
        String externalId = found.externalId() != null ? found.externalId() : "doc-" + sha256.substring(0, 16);
        PatientFacts stated = new PatientFacts(
                externalId,
                found.name(),
                found.firstName(),
                found.lastName(),
                found.birthDate(),
                found.sex(),
                null,
                null,
                null,
                null,
                java.util.Map.of());
        // Anonymized: the record, the note and the stored document are the de-identified forms; the
        // original file is never written (the document kept is the de-identified text).
        RecordDeidentifier records = request.anonymize() ? anonymization.rulesFor(org) : null;
        PatientFacts facts = records == null ? stated : records.patient(stated);
        String note = records == null ? text : records.note(text, stated).text();
        byte[] kept = records == null ? content : note.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ContentKind keptKind = records == null ? contentKind : ContentKind.TEXT;
        String keptName = records == null ? fileName(request, contentKind) : "anonymized.txt";
        String patientExternalId = facts.externalId();
        // The same new patient from two uploads at once: one fails on the key and runs again.
        return Parts.retryingOnConflict(() -> storage.store(org, List.of(kept), blobs -> {
            StoredBlob blob = blobs.getFirst();
            String uploadId = uploads.newId();
            StoredPatients stored = patients.upsert(org, List.of(facts), Precedence.STORED_WINS, request.anonymize());
            long patientId = stored.idsByExternalId().get(patientExternalId);
            patients.addToGroup(org, request.groupId(), List.of(patientId));
            boolean known = documents.ofPatient(org, patientId).stream()
                    .anyMatch(d -> d.sha256().equals(blob.sha256()));
            if (!known) {
                patients.appendClinicalText(org, patientId, note);
                var document = documents.store(
                        org, Documents.NewDocument.ofPatient(patientId, uploadId, keptName, keptKind, blob, note));
                textExtraction.schedule(org, document.id());
            }
            Upload upload = uploads.recordProcessed(
                    org,
                    uploadId,
                    newUpload(request, uploadKind, sha256),
                    receivedAt,
                    new Upload.Counts(1, 1, 1, 0),
                    List.of());
            announcements.patientsCreated(org, uploadId, created(stored));
            announcements.uploadProcessed(org, upload);
            return new PatientUploadResponse(true, 1, null, uploadId);
        }));
    }

    private PatientUploadResponse acceptCsv(Request request, UploadedFile.Scan scan, Instant receivedAt) {
        // New rows are inserted plainly (see PostgresPatientWriter): when a concurrent upload stored the
        // same new rows first, this one fails on the key, and a second run finds them and updates.
        return Parts.retryingOnConflict(() -> storeCsv(request, scan, receivedAt));
    }

    /**
     * Reads the file as it streams and writes it batch by batch, all in one transaction: a refusal
     * halfway (a row without patient id, broken CSV) rolls back what earlier batches wrote.
     */
    private PatientUploadResponse storeCsv(Request request, UploadedFile.Scan scan, Instant receivedAt) {
        OrganizationId org = request.organizationId();
        return transaction.execute(status -> {
            String uploadId = uploads.newId();
            var writing =
                    new CsvWriting(org, request.groupId(), request.anonymize() ? anonymization.rulesFor(org) : null);
            PatientFile.Read read;
            Reader text = request.file().text(scan);
            try (text;
                    CsvTable table = CsvTable.open(text, csvLimits)) {
                ColumnMapping mapping = ColumnMapping.parse(request.columns());
                read = PatientFile.read(table, LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), mapping, writing);
            } catch (PatientFile.MissingPatientIdException e) {
                throw new PatientUploadException(
                        HttpStatus.BAD_REQUEST,
                        "missing_patient_id",
                        "One or more rows have an empty patient_id (first at line " + e.line()
                                + "); nothing was stored.");
            } catch (InvalidCsvException e) {
                throw PatientUploadException.invalidCsvFormat(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UploadKind kind = read.eventFile() ? UploadKind.EVENT_CSV : UploadKind.PATIENT_CSV;
            int count = writing.ids.size();
            Upload upload = uploads.recordProcessed(
                    org,
                    uploadId,
                    newUpload(request, kind, scan.sha256()),
                    receivedAt,
                    new Upload.Counts(
                            read.rows(), read.expected(), count, read.errors().size()),
                    read.errors());
            announcements.patientsCreated(org, uploadId, writing.created);
            announcements.uploadProcessed(org, upload);
            Integer expected = read.expected() > count ? read.expected() : null;
            return new PatientUploadResponse(true, count, expected, uploadId);
        });
    }

    /** Writes what a CSV holds as it is read: patients, their group, then each batch's events. */
    private final class CsvWriting implements PatientFile.Sink {
        private final OrganizationId org;
        private final String groupId;
        /** The de-identification of an anonymized upload, else null: rows are stored as read. */
        private final RecordDeidentifier records;
        /** Every patient stored so far, for the events of later batches and the answer's count. */
        final Map<String, Long> ids = new HashMap<>();

        final Map<String, Long> created = new LinkedHashMap<>();

        CsvWriting(OrganizationId org, String groupId, RecordDeidentifier records) {
            this.org = org;
            this.groupId = groupId;
            this.records = records;
        }

        @Override
        public void patients(List<PatientFacts> batch) {
            store(batch);
        }

        @Override
        public void events(List<PatientFacts> newPatients, List<EventFacts> events) {
            store(newPatients);
            patients.upsertEvents(
                    org,
                    new StoredPatients(ids, Set.of()),
                    records == null
                            ? events
                            : events.stream().map(records::event).toList());
        }

        private void store(List<PatientFacts> read) {
            List<PatientFacts> batch =
                    records == null ? read : read.stream().map(records::patient).toList();
            StoredPatients stored = patients.upsert(org, batch, Precedence.UPLOAD_WINS, records != null);
            patients.addToGroup(org, groupId, stored.idsByExternalId().values());
            ids.putAll(stored.idsByExternalId());
            stored.created()
                    .forEach(externalId ->
                            created.put(externalId, stored.idsByExternalId().get(externalId)));
        }
    }

    /**
     * Text is a CSV when its name says so; without a telling name, when its first line is a
     * header starting with patient_id. Everything else is a clinical note.
     */
    private static boolean isCsv(String fileName, byte[] head) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return true;
        }
        if (name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md")) {
            return false;
        }
        String start = new String(head, 0, Math.min(head.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "")
                .replace("\u00EF\u00BB\u00BF", "")
                .strip()
                .toLowerCase(Locale.ROOT);
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
        stored.created()
                .forEach(externalId ->
                        created.put(externalId, stored.idsByExternalId().get(externalId)));
        return created;
    }

    private static NewUpload newUpload(Request request, UploadKind kind, String sha256) {
        String name = request.fileName() == null || request.fileName().length() <= 500
                ? request.fileName()
                : request.fileName().substring(0, 500);
        // An anonymized upload keeps no file name: names of files often are the patient's.
        return new NewUpload(
                kind,
                request.anonymize() ? null : name,
                request.file().size(),
                sha256,
                request.groupId(),
                request.anonymize());
    }
}
