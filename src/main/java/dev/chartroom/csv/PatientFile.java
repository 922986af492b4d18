package dev.chartroom.csv;

import dev.chartroom.patient.Demographics;
import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.text.Sha256;
import dev.chartroom.upload.RowError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patient upload's CSV files. The contract's own shape: {@code patient_id} first; a second
 * column {@code event_id} makes it an event file (rows grouped by patient), anything else a
 * patient file (one row, one patient). Unedited exports load too — Synthea {@code patients.csv}
 * and {@code observations.csv}, MIMIC-III {@code PATIENTS.csv} and {@code LABEVENTS.csv} — and a
 * {@link ColumnMapping} names the columns of any other header ({@link PatientFileLayout} decides).
 * Events of a file without event ids get one made from the row (patient, date, code, value), so
 * that the same file again changes nothing. Any row without a patient id makes the whole file
 * unusable ({@link MissingPatientIdException}).
 */
public final class PatientFile {

    static final int MAX_EXTERNAL_ID = 200;

    private PatientFile() {}

    /** Patients (unique by external id), the events of an event file, and row errors. */
    public record Parsed(
            boolean eventFile,
            int rows,
            int expected,
            List<PatientFacts> patients,
            List<EventFacts> events,
            List<RowError> errors) {}

    /** Thrown when a data row has an empty patient_id: the seed refuses the whole file. */
    public static final class MissingPatientIdException extends RuntimeException {
        private final long line;

        MissingPatientIdException(long line) {
            super("Line " + line + " has an empty patient_id.", null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** The header is neither the contract's shape nor a recognised export, and no mapping says more; the message lists what is. */
    public static final class UnrecognizedHeaderException extends InvalidCsvException {
        UnrecognizedHeaderException(String message) {
            super(message);
        }
    }

    /** Whether the header starts with patient_id, as the contract requires. */
    public static boolean hasPatientIdFirst(List<String> header) {
        return PatientFileLayout.hasPatientIdFirst(header);
    }

    /** Reads a file whose header alone says what is where. */
    public static Parsed parse(CsvTable table, LocalDate today) {
        return parse(table, today, ColumnMapping.NONE);
    }

    /**
     * Reads a whole file into memory, its columns as the header and the mapping place them.
     *
     * @throws UnrecognizedHeaderException when neither says where the patient id is
     * @throws InvalidCsvException         when the mapping does not fit the file
     */
    public static Parsed parse(CsvTable table, LocalDate today, ColumnMapping mapping) {
        List<PatientFacts> patients = new ArrayList<>();
        Map<String, EventFacts> events = new LinkedHashMap<>();
        Read read = read(
                table,
                today,
                mapping,
                new Sink() {
                    @Override
                    public void patients(List<PatientFacts> batch) {
                        patients.addAll(batch);
                    }

                    @Override
                    public void events(List<PatientFacts> newPatients, List<EventFacts> batch) {
                        patients.addAll(newPatients);
                        batch.forEach(event -> events.put(event.externalId() + '\u0000' + event.eventId(), event));
                    }
                },
                Integer.MAX_VALUE);
        return new Parsed(
                read.eventFile(),
                read.rows(),
                read.expected(),
                List.copyOf(patients),
                List.copyOf(events.values()),
                read.errors());
    }

    /** Events handed to a {@link Sink} at once, at the most. */
    public static final int EVENT_BATCH = 5_000;

    /**
     * Where a streamed read puts what it finds, batch by batch, in file order.
     */
    public interface Sink {

        /** A patient file's patients, unique by external id, later rows merged into earlier ones. */
        void patients(List<PatientFacts> patients);

        /**
         * One batch of an event file: the patients first named in it (external id only), and its
         * events, unique by (patient, event id) within the batch; a later batch may repeat an event
         * of an earlier one, and then its values win, as a later row's do.
         */
        void events(List<PatientFacts> newPatients, List<EventFacts> events);
    }

    /** What a streamed read found besides what went to the sink. */
    public record Read(boolean eventFile, int rows, int expected, List<RowError> errors) {}

    /**
     * Reads a file as it streams, handing an event file to the sink {@link #EVENT_BATCH} events at
     * a time, so that memory does not grow with the number of events. A patient file goes in
     * one call: its rows for one patient are merged across the whole file.
     *
     * @throws MissingPatientIdException   when a row has no patient id (batches before it were handed over:
     *                                     write them in a transaction that this failure rolls back)
     * @throws UnrecognizedHeaderException when neither the header nor the mapping says where the patient id is
     * @throws InvalidCsvException         when the mapping does not fit the file, or the file stops being valid CSV
     */
    public static Read read(CsvTable table, LocalDate today, ColumnMapping mapping, Sink sink) {
        return read(table, today, mapping, sink, EVENT_BATCH);
    }

    static Read read(CsvTable table, LocalDate today, ColumnMapping mapping, Sink sink, int eventBatch) {
        PatientFileLayout layout = PatientFileLayout.of(table.header(), mapping);
        return layout.events ? readEvents(table, layout, sink, eventBatch) : readPatients(table, layout, today, sink);
    }

    private static Read readPatients(CsvTable table, PatientFileLayout layout, LocalDate today, Sink sink) {
        List<String> header = table.header();
        Map<String, PatientFacts> patients = new LinkedHashMap<>();
        Map<String, Boolean> rejected = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        int rows = 0;
        for (CsvRow row : table) {
            rows++;
            String externalId = requireExternalId(row, layout);
            if (externalId.length() > MAX_EXTERNAL_ID) {
                errors.add(new RowError(
                        row.line(),
                        layout.patientIdLabel,
                        layout.patientIdLabel + " is longer than " + MAX_EXTERNAL_ID
                                + " characters; the patient was not stored."));
                rejected.put(externalId, true);
                continue;
            }
            var reading = new PatientRow(externalId, row.line(), errors, today, layout.shiftedBirthDates);
            for (int column = 0; column < header.size(); column++) {
                if (column != layout.patientId) {
                    reading.read(header.get(column), layout.fieldOf[column], row.value(column));
                }
            }
            PatientFacts facts = reading.facts();
            if (facts == null) {
                rejected.put(externalId, true);
                continue;
            }
            patients.merge(externalId, facts, PatientFile::laterWins);
        }
        rejected.keySet().removeAll(patients.keySet());
        int expected = patients.size() + rejected.size();
        sink.patients(List.copyOf(patients.values()));
        return new Read(false, rows, expected, errors);
    }

    private static Read readEvents(CsvTable table, PatientFileLayout layout, Sink sink, int eventBatch) {
        List<String> header = table.header();
        // Only the ids of the patients seen: the events themselves leave with each batch.
        Set<String> seen = new HashSet<>();
        List<PatientFacts> newPatients = new ArrayList<>();
        Map<String, EventFacts> events = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        int eventIdColumn = layout.event(PatientFileLayout.EVENT_ID);
        int date = layout.event(PatientFileLayout.DATE);
        int type = layout.event(PatientFileLayout.TYPE);
        int value = layout.event(PatientFileLayout.VALUE);
        int valueFallback = layout.event(PatientFileLayout.VALUE_FALLBACK);
        int unit = layout.event(PatientFileLayout.UNIT);
        int rows = 0;
        for (CsvRow row : table) {
            rows++;
            String externalId = requireExternalId(row, layout);
            if (externalId.length() > MAX_EXTERNAL_ID) {
                errors.add(new RowError(
                        row.line(),
                        layout.patientIdLabel,
                        layout.patientIdLabel + " is longer than " + MAX_EXTERNAL_ID
                                + " characters; the row was not stored."));
                continue;
            }
            if (seen.add(externalId)) {
                newPatients.add(PatientFacts.withExternalId(externalId));
            }
            String eventId = eventIdColumn >= 0 ? row.value(eventIdColumn) : madeEventId(row, layout.eventIdParts);
            if (eventId == null) {
                errors.add(new RowError(
                        row.line(), layout.eventIdLabel, layout.eventIdLabel + " is empty; the event was not stored."));
                continue;
            }
            if (eventId.length() > 200) {
                errors.add(new RowError(
                        row.line(),
                        layout.eventIdLabel,
                        layout.eventIdLabel + " is longer than 200 characters; the event was not stored."));
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int column = 0; column < header.size(); column++) {
                if (column != layout.patientId
                        && !layout.eventColumns.containsValue(column)
                        && row.value(column) != null) {
                    attributes.put(header.get(column), row.value(column));
                }
            }
            String measured = row.value(value) != null ? row.value(value) : row.value(valueFallback);
            var event = new EventFacts(
                    externalId,
                    eventId,
                    limit(row.value(date), 40, row, "event_date", errors),
                    limit(row.value(type), 200, row, "event_type", errors),
                    limit(measured, 2000, row, "value", errors),
                    limit(row.value(unit), 100, row, "unit", errors),
                    attributes);
            events.put(externalId + '\u0000' + eventId, event);
            if (events.size() >= eventBatch) {
                sink.events(List.copyOf(newPatients), List.copyOf(events.values()));
                newPatients.clear();
                events.clear();
            }
        }
        if (!newPatients.isEmpty() || !events.isEmpty()) {
            sink.events(List.copyOf(newPatients), List.copyOf(events.values()));
        }
        return new Read(true, rows, seen.size(), errors);
    }

    /** An event id from the row's identity (patient, date, code, value): the same row always gets the same one. */
    private static String madeEventId(CsvRow row, int[] parts) {
        var identity = new StringBuilder();
        for (int column : parts) {
            String part = row.value(column);
            identity.append(part == null ? "" : part).append('\u001F');
        }
        return "row-" + Sha256.hex(identity.toString()).substring(0, 32);
    }

    private static String requireExternalId(CsvRow row, PatientFileLayout layout) {
        String externalId = row.value(layout.patientId);
        if (externalId == null) {
            throw new MissingPatientIdException(row.line());
        }
        return externalId;
    }

    private static String limit(String value, int max, CsvRow row, String column, List<RowError> errors) {
        if (value != null && value.length() > max) {
            errors.add(
                    new RowError(row.line(), column, column + " is longer than " + max + " characters and was cut."));
            return value.substring(0, max);
        }
        return value;
    }

    /** A later row for the same patient adds to and overrides what an earlier row said. */
    private static PatientFacts laterWins(PatientFacts earlier, PatientFacts later) {
        Map<String, String> attributes = new LinkedHashMap<>(earlier.attributes());
        attributes.putAll(later.attributes());
        return new PatientFacts(
                later.externalId(),
                or(later.name(), earlier.name()),
                or(later.firstName(), earlier.firstName()),
                or(later.lastName(), earlier.lastName()),
                or(later.birthDate(), earlier.birthDate()),
                or(later.sex(), earlier.sex()),
                or(later.phone(), earlier.phone()),
                or(later.email(), earlier.email()),
                or(later.diagnosis(), earlier.diagnosis()),
                or(later.zip(), earlier.zip()),
                attributes);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /**
     * A birth date as a date-shifted export has it ({@code 2094-03-05 00:00:00}, {@code 1844-07-18}):
     * any ISO date, however far in the future or the past. Other forms are read as usual.
     */
    static LocalDate shiftedBirthDate(String value, LocalDate today) {
        if (value.length() >= 10
                && value.charAt(4) == '-'
                && value.charAt(7) == '-'
                && (value.length() == 10 || value.charAt(10) == ' ' || value.charAt(10) == 'T')) {
            try {
                return LocalDate.parse(value.substring(0, 10));
            } catch (DateTimeException notIso) {
                return null;
            }
        }
        return Demographics.birthDate(value, today).orElse(null);
    }

    /** Collects one patient row's fields; a value that cannot be stored rejects the row. */
    private static final class PatientRow {
        private final String externalId;
        private final long line;
        private final List<RowError> errors;
        private final LocalDate today;
        private final boolean shiftedBirthDates;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private String name;
        private String firstName;
        private String lastName;
        private LocalDate birthDate;
        private String sex;
        private String phone;
        private String email;
        private String diagnosis;
        private String zip;
        private boolean rejected;

        PatientRow(String externalId, long line, List<RowError> errors, LocalDate today, boolean shiftedBirthDates) {
            this.externalId = externalId;
            this.line = line;
            this.errors = errors;
            this.today = today;
            this.shiftedBirthDates = shiftedBirthDates;
        }

        /** One column's value; field is the patient field the column fills, null for an attribute. */
        void read(String column, String field, String value) {
            if (value == null) {
                return;
            }
            if (field == null) {
                attributes.putIfAbsent(column, value);
                return;
            }
            switch (field) {
                case "name" -> name = fits(column, value, 300);
                case "first_name" -> firstName = fits(column, value, 150);
                case "last_name" -> lastName = fits(column, value, 150);
                case "birth_date" -> {
                    birthDate = shiftedBirthDates
                            ? shiftedBirthDate(value, today)
                            : Demographics.birthDate(value, today).orElse(null);
                    if (birthDate == null) {
                        errors.add(new RowError(
                                line,
                                column,
                                column + " is not a date of birth (use YYYY-MM-DD); it was kept as an attribute."));
                        attributes.put(column, value);
                    }
                }
                case "sex" -> {
                    sex = Demographics.sex(value).orElse(null);
                    if (sex == null) {
                        attributes.put(column, value);
                    }
                }
                case "phone" -> {
                    phone = Demographics.phone(value).orElse(null);
                    if (phone == null) {
                        errors.add(new RowError(
                                line, column, column + " is not a valid phone number; it was kept as an attribute."));
                        attributes.put(column, value);
                    }
                }
                case "email" -> email = fits(column, value, 320);
                case "diagnosis" -> diagnosis = fits(column, value, 2000);
                case "zip" -> zip = fits(column, value, 20);
                default -> attributes.put(column, value);
            }
        }

        private String fits(String column, String value, int max) {
            if (value.length() > max) {
                errors.add(new RowError(
                        line, column, column + " is longer than " + max + " characters; the patient was not stored."));
                rejected = true;
                return null;
            }
            return value;
        }

        PatientFacts facts() {
            if (rejected) {
                return null;
            }
            if (name == null && (firstName != null || lastName != null)) {
                name = Demographics.fullName(firstName, lastName);
            } else if (name != null && firstName == null && lastName == null) {
                String[] parts = Demographics.firstAndLast(name);
                firstName = parts[0];
                lastName = parts[1];
            }
            return new PatientFacts(
                    externalId, name, firstName, lastName, birthDate, sex, phone, email, diagnosis, zip, attributes);
        }
    }
}
