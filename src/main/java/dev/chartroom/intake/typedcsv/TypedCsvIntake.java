package dev.chartroom.intake.typedcsv;

import dev.chartroom.intake.Parts;
import dev.chartroom.text.Sha256;
import dev.chartroom.caseflow.Appointment;
import dev.chartroom.caseflow.CaseIntake;
import dev.chartroom.caseflow.ConsultNoteRow;
import dev.chartroom.caseflow.MedicationRow;
import dev.chartroom.csv.CsvLimits;
import dev.chartroom.csv.CsvRow;
import dev.chartroom.csv.InvalidCsvException;
import dev.chartroom.csv.NotUtf8Exception;
import dev.chartroom.csv.TypedCsv;
import dev.chartroom.intake.Announcements;
import dev.chartroom.intake.IngestGate;
import dev.chartroom.intake.IntakeLimits;
import dev.chartroom.upload.NewUpload;
import dev.chartroom.upload.RowError;
import dev.chartroom.upload.TypedCsvFiles;
import dev.chartroom.upload.Upload;
import dev.chartroom.upload.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The typed CSV contract's flow: read and check the whole file first (refusals write nothing),
 * then claim its name and apply every row in one transaction, recording row errors on the upload.
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
    private final TransactionTemplate transaction;
    private final Clock clock;

    TypedCsvIntake(CaseIntake cases, Announcements announcements, Uploads uploads, TypedCsvFiles files, CsvLimits csvLimits, IntakeLimits limits,
                   IngestGate gate, TransactionTemplate transaction, Clock clock) {
        this.gate = gate;
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
    record Outcome(TypedCsvFiles.Processed file, boolean processedNow) {
    }

    Optional<TypedCsvFiles.Processed> alreadyProcessed(String organizationId, String fileName, TypedCsv.Type type) {
        return files.find(organizationId, fileName, type.value());
    }

    /**
     * Reads, checks and applies one file once the {@link IngestGate} admits it.
     *
     * @throws dev.chartroom.web.ServerBusyException when it was not admitted in time, or its writes kept
     *                                               colliding with concurrent ones
     */
    Outcome accept(String organizationId, TypedCsv.Type type, String fileName, long size, InputStream content) {
        return gate.run(organizationId, () -> acceptAdmitted(organizationId, type, fileName, size, content));
    }

    private Outcome acceptAdmitted(String organizationId, TypedCsv.Type type, String fileName, long size,
                                   InputStream content) {
        Instant receivedAt = Instant.now(clock);
        MessageDigest sha256 = Sha256.newDigest();
        TypedCsv.Table table = read(type, new DigestInputStream(content, sha256));
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (type == TypedCsv.Type.APPOINTMENTS && !cases.hasRoutingRules(organizationId)) {
            throw new TypedCsvException(HttpStatus.UNPROCESSABLE_CONTENT, "no_routing_rules",
                    "No agent routing rules are configured for your organization: add them at /v1/routing-rules.");
        }
        // Two uploads creating the same new cases (or notes) at once: one fails on the key and runs
        // again, finding them stored.
        return Parts.retryingOnConflict(() -> store(organizationId, type, fileName, size, receivedAt, table, digest));
    }

    private Outcome store(String organizationId, TypedCsv.Type type, String fileName, long size, Instant receivedAt,
                          TypedCsv.Table table, String digest) {
        String uploadId = uploads.newId();
        var file = new TypedCsvFiles.Processed(fileName, type.value(), uploadId, size, receivedAt);
        Boolean processed = transaction.execute(status -> {
            if (!files.claim(organizationId, file)) {
                status.setRollbackOnly();
                return false;
            }
            Applied applied = apply(organizationId, uploadId, table);
            Upload upload = uploads.recordProcessed(organizationId, uploadId,
                    new NewUpload(type.value(), fileName, size, digest, null, false), receivedAt,
                    new Upload.Counts(table.rows().size(), table.rows().size(), applied.stored(), applied.errors().size()),
                    applied.errors());
            announcements.uploadProcessed(organizationId, upload);
            return true;
        });
        if (Boolean.TRUE.equals(processed)) {
            return new Outcome(file, true);
        }
        return new Outcome(files.find(organizationId, fileName, type.value()).orElse(file), false);
    }

    private record Applied(int stored, List<RowError> errors) {
    }

    private Applied apply(String organizationId, String uploadId, TypedCsv.Table table) {
        return switch (table.type()) {
            case APPOINTMENTS -> {
                var applied = cases.applyAppointments(organizationId, uploadId,
                        table.rows().stream().map(row -> appointment(table, row)).toList());
                announcements.caseChanges(organizationId, applied.changes());
                announcements.patientsCreated(organizationId, uploadId, applied.patientsCreated());
                yield new Applied(applied.created() + applied.reprocessed(), applied.errors());
            }
            case MEDICATIONS -> {
                var applied = cases.applyMedications(organizationId,
                        table.rows().stream().map(row -> medication(table, row)).toList());
                yield new Applied(applied.medications(), applied.errors());
            }
            case CONSULT_NOTES -> {
                var applied = cases.applyConsultNotes(organizationId, uploadId,
                        table.rows().stream().map(row -> consultNote(table, row)).toList());
                announcements.caseChanges(organizationId, applied.enriched());
                yield new Applied(applied.notes(), applied.errors());
            }
        };
    }

    private TypedCsv.Table read(TypedCsv.Type type, InputStream content) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int maxRows = switch (type) {
            case MEDICATIONS -> limits.medicationsMaxRows();
            case CONSULT_NOTES -> limits.consultNotesMaxRows();
            case APPOINTMENTS -> 0;
        };
        try (var reader = new InputStreamReader(content, decoder)) {
            return TypedCsv.read(reader, type, csvLimits, maxRows);
        } catch (NotUtf8Exception e) {
            throw TypedCsvException.badRequest("invalid_encoding", "The file must be UTF-8 text.");
        } catch (TypedCsv.MissingColumnsException e) {
            throw TypedCsvException.badRequest("missing_columns", e.getMessage());
        } catch (TypedCsv.TooManyRowsException e) {
            throw TypedCsvException.badRequest("too_many_rows", e.getMessage());
        } catch (InvalidCsvException e) {
            throw TypedCsvException.badRequest("invalid_csv_format", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Appointment appointment(TypedCsv.Table t, CsvRow r) {
        return new Appointment(r.line(), t.value(r, "AppointmentId"), t.value(r, "PatientRecordId"),
                t.value(r, "AppointmentStatus"), t.value(r, "AppointmentDoctor"), t.value(r, "Virtual"),
                t.value(r, "AppointmentDate"), t.value(r, "EarliestAppointmentTime"), t.value(r, "PatientFirstName"),
                t.value(r, "PatientLastName"), t.value(r, "DOB"), t.value(r, "Phone"), t.value(r, "NewConsult"),
                t.value(r, "TestStatus"), t.value(r, "IntakeCharted"), t.optionalValues(r));
    }

    private static ConsultNoteRow consultNote(TypedCsv.Table t, CsvRow r) {
        return new ConsultNoteRow(r.line(), t.value(r, "AppointmentId"), t.value(r, "VPText"),
                t.value(r, "CategoryNameReport"), t.value(r, "CategoryNameTemplate"));
    }

    private static MedicationRow medication(TypedCsv.Table t, CsvRow r) {
        return new MedicationRow(r.line(), t.value(r, "PatientRecordId"), t.value(r, "MedicationName"),
                t.value(r, "Dose"), t.value(r, "Strength"), t.value(r, "SIG"), t.value(r, "DateStarted"),
                t.value(r, "Route"));
    }
}
