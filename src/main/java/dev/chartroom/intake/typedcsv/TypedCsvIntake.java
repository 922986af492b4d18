package dev.chartroom.intake.typedcsv;

import dev.chartroom.caseflow.Appointment;
import dev.chartroom.caseflow.AppointmentIds;
import dev.chartroom.caseflow.CaseIntake;
import dev.chartroom.caseflow.ConsultNoteRow;
import dev.chartroom.caseflow.MedicationRow;
import dev.chartroom.csv.CsvLimits;
import dev.chartroom.csv.CsvRow;
import dev.chartroom.csv.InvalidCsvException;
import dev.chartroom.csv.NotUtf8Exception;
import dev.chartroom.csv.TypedCsv;
import dev.chartroom.document.ContentKind;
import dev.chartroom.document.ContentSniffer;
import dev.chartroom.intake.Announcements;
import dev.chartroom.intake.Anonymization;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.intake.Parts;
import dev.chartroom.intake.UploadedFile;
import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Sha256;
import dev.chartroom.upload.NewUpload;
import dev.chartroom.upload.RowError;
import dev.chartroom.upload.TypedCsvFiles;
import dev.chartroom.upload.Upload;
import dev.chartroom.upload.UploadKind;
import dev.chartroom.upload.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The typed CSV contract's flow: read and check the whole file first (refusals write nothing),
 * then claim its name and apply every row in one transaction, recording row errors on the upload.
 * An appointments file, which has no row limit, is read twice rather than held: once to check it
 * and gather its AppointmentIds, once to apply it a chunk at a time.
 */
@Component
class TypedCsvIntake {

    private final CaseIntake cases;
    private final Announcements announcements;
    private final Uploads uploads;
    private final TypedCsvFiles files;
    private final CsvLimits csvLimits;
    private final IntakeLimits limits;
    private final IngestGate gate;
    private final Anonymization anonymization;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TypedCsvIntake(
            CaseIntake cases,
            Announcements announcements,
            Uploads uploads,
            TypedCsvFiles files,
            CsvLimits csvLimits,
            IntakeLimits limits,
            IngestGate gate,
            Anonymization anonymization,
            TransactionTemplate transaction,
            Clock clock) {
        this.gate = gate;
        this.anonymization = anonymization;
        this.cases = cases;
        this.announcements = announcements;
        this.uploads = uploads;
        this.files = files;
        this.csvLimits = csvLimits;
        this.limits = limits;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What came of an upload: the processed file, and whether this request did the processing. */
    record Outcome(TypedCsvFiles.Processed file, boolean processedNow) {}

    static final String PROCESSED = "CSV uploaded and processed successfully.";
    static final String ALREADY_PROCESSED =
            "This file was already uploaded for this type and processed; nothing was changed.";

    /**
     * Checks the form in the seed's order (file, size, type, name, content), answers a file already
     * processed for its type from the record of it, and applies any other.
     *
     * @throws TypedCsvException a missing or wrong field, in the seed's error shape
     */
    TypedCsvResponses.Success accept(Caller caller, TypedCsvForm form) {
        UploadedFile file = form.file();
        if (file == null) {
            throw TypedCsvException.badRequest("missing_file", "file is required.");
        }
        if (file.size() > limits.typedCsvMaxFileSize().toBytes()) {
            throw new TypedCsvException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload_too_large",
                    "File exceeds " + limits.typedCsvMaxFileSize().toMegabytes() + "MB.");
        }
        if (form.type() == null || form.type().isBlank()) {
            throw TypedCsvException.badRequest(
                    "missing_type", "type is required: appointments, medications or consult-notes.");
        }
        TypedCsv.Type type = TypedCsv.Type.of(form.type().strip())
                .orElseThrow(() -> TypedCsvException.badRequest(
                        "invalid_type", "type must be one of appointments, medications, consult-notes."));
        String fileName = file.name() == null ? "" : file.name().strip();
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw TypedCsvException.badRequest("invalid_file_type", "The file must be a .csv file.");
        }
        if (fileName.length() > 500) {
            throw TypedCsvException.badRequest("invalid_file_name", "The file name is longer than 500 characters.");
        }
        if (file.size() == 0) {
            throw TypedCsvException.badRequest("empty_file", "The file is empty.");
        }
        requireText(file);
        OrganizationId org = caller.organizationId();
        var earlier = files.find(org, fileName, type.value());
        if (earlier.isPresent()) {
            return success(earlier.get(), ALREADY_PROCESSED);
        }
        Outcome outcome = accept(org, type, fileName, file);
        return success(outcome.file(), outcome.processedNow() ? PROCESSED : ALREADY_PROCESSED);
    }

    private static UploadKind uploadKind(TypedCsv.Type type) {
        return switch (type) {
            case APPOINTMENTS -> UploadKind.APPOINTMENTS;
            case MEDICATIONS -> UploadKind.MEDICATIONS;
            case CONSULT_NOTES -> UploadKind.CONSULT_NOTES;
        };
    }

    /** NUL bytes and other binary content are refused whole, whatever the name says. */
    private static void requireText(UploadedFile file) {
        byte[] sample = file.head(ContentSniffer.SAMPLE_SIZE);
        if (ContentSniffer.sniff(sample, sample.length, sample.length == file.size()) != ContentKind.TEXT) {
            throw TypedCsvException.badRequest("invalid_file_type", "The file is not a text CSV file.");
        }
    }

    private static TypedCsvResponses.Success success(TypedCsvFiles.Processed file, String message) {
        return new TypedCsvResponses.Success(
                true,
                new TypedCsvResponses.Data(
                        file.fileName(), file.type(), file.size(), file.uploadedAt(), file.uploadId()),
                message);
    }

    /**
     * Reads, checks and applies one file once the {@link IngestGate} admits it.
     *
     * @throws dev.chartroom.web.ServerBusyException when it was not admitted in time, or its writes kept
     *                                               colliding with concurrent ones
     */
    private Outcome accept(OrganizationId organizationId, TypedCsv.Type type, String fileName, UploadedFile file) {
        return gate.run(organizationId, () -> acceptAdmitted(organizationId, type, fileName, file));
    }

    private Outcome acceptAdmitted(
            OrganizationId organizationId, TypedCsv.Type type, String fileName, UploadedFile file) {
        Instant receivedAt = Instant.now(clock);
        AnonymizedRows anonymized = anonymization
                .ofUploadsTo(organizationId)
                .map(AnonymizedRows::new)
                .orElse(null);
        Checked checked = check(type, file, anonymized);
        if (type == TypedCsv.Type.APPOINTMENTS && !cases.hasRoutingRules(organizationId)) {
            throw new TypedCsvException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "no_routing_rules",
                    "No agent routing rules are configured for your organization: add them at /v1/routing-rules.");
        }
        // Two uploads creating the same new cases (or notes) at once: one fails on the key and runs
        // again, finding them stored.
        return Parts.retryingOnConflict(
                () -> store(organizationId, type, fileName, file, receivedAt, checked, anonymized));
    }

    /**
     * What the first pass over a file found: its digest and row count, and either its rows
     * (medications and consult notes, which have row limits) or only its AppointmentIds
     * (appointments, which have none and are read again row by row when applied).
     */
    private record Checked(String sha256, int rows, TypedCsv.Table table, AppointmentIds appointmentIds) {}

    /** @param anonymized the organization's de-identification of rows, or null: rows are stored as read */
    private Checked check(TypedCsv.Type type, UploadedFile file, AnonymizedRows anonymized) {
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream content = new DigestInputStream(file.open(), sha256)) {
            if (type == TypedCsv.Type.APPOINTMENTS) {
                var ids = new AppointmentIds();
                int[] rows = {0};
                read(type, content, (header, row) -> {
                    rows[0]++;
                    String id = header.value(row, "AppointmentId");
                    ids.see(anonymized == null ? id : anonymized.appointmentId(id), row.line());
                });
                return new Checked(HexFormat.of().formatHex(sha256.digest()), rows[0], null, ids);
            }
            int maxRows =
                    type == TypedCsv.Type.MEDICATIONS ? limits.medicationsMaxRows() : limits.consultNotesMaxRows();
            TypedCsv.Table table = refusingBadFiles(() -> TypedCsv.read(utf8(content), type, csvLimits, maxRows));
            return new Checked(
                    HexFormat.of().formatHex(sha256.digest()), table.rows().size(), table, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome store(
            OrganizationId organizationId,
            TypedCsv.Type type,
            String fileName,
            UploadedFile file,
            Instant receivedAt,
            Checked checked,
            AnonymizedRows anonymized) {
        String uploadId = uploads.newId();
        var processedFile = new TypedCsvFiles.Processed(fileName, type.value(), uploadId, file.size(), receivedAt);
        Boolean processed = transaction.execute(status -> {
            if (!files.claim(organizationId, processedFile)) {
                status.setRollbackOnly();
                return false;
            }
            Applied applied = apply(organizationId, uploadId, type, file, checked, anonymized);
            Upload upload = uploads.recordProcessed(
                    organizationId,
                    uploadId,
                    new NewUpload(uploadKind(type), fileName, file.size(), checked.sha256(), null, anonymized != null),
                    receivedAt,
                    new Upload.Counts(
                            checked.rows(),
                            checked.rows(),
                            applied.stored(),
                            applied.errors().size()),
                    applied.errors());
            announcements.uploadProcessed(organizationId, upload);
            return true;
        });
        if (Boolean.TRUE.equals(processed)) {
            return new Outcome(processedFile, true);
        }
        return new Outcome(files.find(organizationId, fileName, type.value()).orElse(processedFile), false);
    }

    private record Applied(int stored, List<RowError> errors) {}

    private Applied apply(
            OrganizationId organizationId,
            String uploadId,
            TypedCsv.Type type,
            UploadedFile file,
            Checked checked,
            AnonymizedRows anonymized) {
        TypedCsv.Table table = checked.table();
        return switch (type) {
            case APPOINTMENTS -> {
                var upload = cases.appointments(
                        organizationId,
                        uploadId,
                        checked.appointmentIds(),
                        chunk -> {
                            announcements.caseChanges(organizationId, chunk.changes());
                            announcements.patientsCreated(organizationId, uploadId, chunk.patientsCreated());
                        },
                        anonymized != null);
                try (InputStream content = file.open()) {
                    read(type, content, (header, row) -> {
                        Appointment appointment = appointment(header, row);
                        upload.add(anonymized == null ? appointment : anonymized.appointment(appointment));
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                var totals = upload.finish();
                yield new Applied(totals.created() + totals.reprocessed(), totals.errors());
            }
            case MEDICATIONS -> {
                var applied = cases.applyMedications(
                        organizationId,
                        table.rows().stream()
                                .map(row -> medication(table.header(), row))
                                .map(row -> anonymized == null ? row : anonymized.medication(row))
                                .toList());
                yield new Applied(applied.medications(), applied.errors());
            }
            case CONSULT_NOTES -> {
                var applied = cases.applyConsultNotes(
                        organizationId,
                        uploadId,
                        table.rows().stream()
                                .map(row -> consultNote(table.header(), row))
                                .map(row -> anonymized == null ? row : anonymized.consultNote(row))
                                .toList());
                announcements.caseChanges(organizationId, applied.enriched());
                yield new Applied(applied.notes(), applied.errors());
            }
        };
    }

    /** Reads strict UTF-8 row by row, keeping no rows. */
    private void read(TypedCsv.Type type, InputStream content, TypedCsv.RowSink sink) {
        refusingBadFiles(() -> TypedCsv.read(utf8(content), type, csvLimits, 0, sink));
    }

    private static Reader utf8(InputStream content) {
        return new InputStreamReader(
                content,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Every way a file can be refused becomes its 400. */
    private static <T> T refusingBadFiles(Supplier<T> read) {
        try {
            return read.get();
        } catch (NotUtf8Exception e) {
            throw TypedCsvException.badRequest("invalid_encoding", "The file must be UTF-8 text.");
        } catch (TypedCsv.MissingColumnsException e) {
            throw TypedCsvException.badRequest("missing_columns", e.getMessage());
        } catch (TypedCsv.TooManyRowsException e) {
            throw TypedCsvException.badRequest("too_many_rows", e.getMessage());
        } catch (InvalidCsvException e) {
            throw TypedCsvException.badRequest("invalid_csv_format", e.getMessage());
        }
    }

    private static Appointment appointment(TypedCsv.Header t, CsvRow r) {
        return new Appointment(
                r.line(),
                t.value(r, "AppointmentId"),
                t.value(r, "PatientRecordId"),
                t.value(r, "AppointmentStatus"),
                t.value(r, "AppointmentDoctor"),
                t.value(r, "Virtual"),
                t.value(r, "AppointmentDate"),
                t.value(r, "EarliestAppointmentTime"),
                t.value(r, "PatientFirstName"),
                t.value(r, "PatientLastName"),
                t.value(r, "DOB"),
                t.value(r, "Phone"),
                t.value(r, "NewConsult"),
                t.value(r, "TestStatus"),
                t.value(r, "IntakeCharted"),
                t.optionalValues(r));
    }

    private static ConsultNoteRow consultNote(TypedCsv.Header t, CsvRow r) {
        return new ConsultNoteRow(
                r.line(),
                t.value(r, "AppointmentId"),
                t.value(r, "VPText"),
                t.value(r, "CategoryNameReport"),
                t.value(r, "CategoryNameTemplate"));
    }

    private static MedicationRow medication(TypedCsv.Header t, CsvRow r) {
        return new MedicationRow(
                r.line(),
                t.value(r, "PatientRecordId"),
                t.value(r, "MedicationName"),
                t.value(r, "Dose"),
                t.value(r, "Strength"),
                t.value(r, "SIG"),
                t.value(r, "DateStarted"),
                t.value(r, "Route"));
    }
}
