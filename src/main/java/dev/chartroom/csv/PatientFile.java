package dev.chartroom.csv;

import dev.chartroom.patient.Demographics;
import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.upload.RowError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The patient upload's CSV files: {@code patient_id} first; a second column {@code event_id} makes
 * it an event file (rows grouped by patient), anything else a patient file (one row, one patient).
 * Any row without a patient_id makes the whole file unusable ({@link MissingPatientIdException}).
 */
public final class PatientFile {

    static final int MAX_EXTERNAL_ID = 200;

    private static final Map<String, String> KNOWN_COLUMNS = knownColumns();

    private PatientFile() {
    }

    /** Patients (unique by external id), the events of an event file, and row errors. */
    public record Parsed(boolean eventFile, int rows, int expected, List<PatientFacts> patients,
                         List<EventFacts> events, List<RowError> errors) {
    }

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

    /** Whether the header starts with patient_id, as the contract requires. */
    public static boolean hasPatientIdFirst(List<String> header) {
        return !header.isEmpty() && header.getFirst().equalsIgnoreCase("patient_id");
    }

    public static Parsed parse(CsvTable table, LocalDate today) {
        List<String> header = table.header();
        boolean eventFile = header.size() > 1 && header.get(1).equalsIgnoreCase("event_id");
        return eventFile ? parseEvents(table) : parsePatients(table, today);
    }

    private static Parsed parsePatients(CsvTable table, LocalDate today) {
        List<String> header = table.header();
        Map<String, PatientFacts> patients = new LinkedHashMap<>();
        Map<String, Boolean> rejected = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        int rows = 0;
        for (CsvRow row : table) {
            rows++;
            String externalId = requireExternalId(row);
            if (externalId.length() > MAX_EXTERNAL_ID) {
                errors.add(new RowError(row.line(), "patient_id", "patient_id is longer than " + MAX_EXTERNAL_ID + " characters; the patient was not stored."));
                rejected.put(externalId, true);
                continue;
            }
            var reading = new PatientRow(externalId, row.line(), errors, today);
            for (int column = 1; column < header.size(); column++) {
                reading.read(header.get(column), row.value(column));
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
        return new Parsed(false, rows, expected, List.copyOf(patients.values()), List.of(), errors);
    }

    private static Parsed parseEvents(CsvTable table) {
        List<String> header = table.header();
        Map<String, PatientFacts> patients = new LinkedHashMap<>();
        Map<String, EventFacts> events = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 2; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        int date = firstOf(columns, "event_date", "date", "datetime", "timestamp");
        int type = firstOf(columns, "event_type", "type", "name");
        int value = firstOf(columns, "value", "event_value", "result");
        int unit = firstOf(columns, "unit", "units");
        int rows = 0;
        for (CsvRow row : table) {
            rows++;
            String externalId = requireExternalId(row);
            if (externalId.length() > MAX_EXTERNAL_ID) {
                errors.add(new RowError(row.line(), "patient_id", "patient_id is longer than " + MAX_EXTERNAL_ID + " characters; the row was not stored."));
                continue;
            }
            patients.putIfAbsent(externalId, PatientFacts.withExternalId(externalId));
            String eventId = row.value(1);
            if (eventId == null) {
                errors.add(new RowError(row.line(), "event_id", "event_id is empty; the event was not stored."));
                continue;
            }
            if (eventId.length() > 200) {
                errors.add(new RowError(row.line(), "event_id", "event_id is longer than 200 characters; the event was not stored."));
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int column = 2; column < header.size(); column++) {
                if (column != date && column != type && column != value && column != unit && row.value(column) != null) {
                    attributes.put(header.get(column), row.value(column));
                }
            }
            var event = new EventFacts(externalId, eventId, limit(row.value(date), 40, row, "event_date", errors),
                    limit(row.value(type), 200, row, "event_type", errors), limit(row.value(value), 2000, row, "value", errors),
                    limit(row.value(unit), 100, row, "unit", errors), attributes);
            events.put(externalId + '\u0000' + eventId, event);
        }
        return new Parsed(true, rows, patients.size(), List.copyOf(patients.values()), List.copyOf(events.values()), errors);
    }

    private static String requireExternalId(CsvRow row) {
        String externalId = row.value(0);
        if (externalId == null) {
            throw new MissingPatientIdException(row.line());
        }
        return externalId;
    }

    private static String limit(String value, int max, CsvRow row, String column, List<RowError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new RowError(row.line(), column, column + " is longer than " + max + " characters and was cut."));
            return value.substring(0, max);
        }
        return value;
    }

    private static int firstOf(Map<String, Integer> columns, String... names) {
        for (String name : names) {
            Integer index = columns.get(name);
            if (index != null) {
                return index;
            }
        }
        return -1;
    }

    /** A later row for the same patient adds to and overrides what an earlier row said. */
    private static PatientFacts laterWins(PatientFacts earlier, PatientFacts later) {
        Map<String, String> attributes = new LinkedHashMap<>(earlier.attributes());
        attributes.putAll(later.attributes());
        return new PatientFacts(later.externalId(), or(later.name(), earlier.name()),
                or(later.firstName(), earlier.firstName()), or(later.lastName(), earlier.lastName()),
                or(later.birthDate(), earlier.birthDate()), or(later.sex(), earlier.sex()), or(later.phone(), earlier.phone()),
                or(later.email(), earlier.email()), or(later.diagnosis(), earlier.diagnosis()), or(later.zip(), earlier.zip()),
                attributes);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static Map<String, String> knownColumns() {
        Map<String, String> known = new LinkedHashMap<>();
        for (String name : List.of("name", "full_name", "fullname", "patient_name")) {
            known.put(name, "name");
        }
        for (String name : List.of("first_name", "firstname", "first", "given_name", "given")) {
            known.put(name, "first_name");
        }
        for (String name : List.of("last_name", "lastname", "last", "family_name", "surname")) {
            known.put(name, "last_name");
        }
        for (String name : List.of("birth_date", "birthdate", "dob", "date_of_birth", "birthday")) {
            known.put(name, "birth_date");
        }
        for (String name : List.of("sex", "gender")) {
            known.put(name, "sex");
        }
        for (String name : List.of("phone", "phone_number", "telephone", "mobile", "cell")) {
            known.put(name, "phone");
        }
        for (String name : List.of("email", "e-mail", "email_address")) {
            known.put(name, "email");
        }
        for (String name : List.of("diagnosis", "dx", "primary_diagnosis")) {
            known.put(name, "diagnosis");
        }
        for (String name : List.of("zip", "zipcode", "zip_code", "postal_code", "postcode")) {
            known.put(name, "zip");
        }
        return Map.copyOf(known);
    }

    /** Collects one patient row's fields; a value that cannot be stored rejects the row. */
    private static final class PatientRow {
        private final String externalId;
        private final long line;
        private final List<RowError> errors;
        private final LocalDate today;
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

        PatientRow(String externalId, long line, List<RowError> errors, LocalDate today) {
            this.externalId = externalId;
            this.line = line;
            this.errors = errors;
            this.today = today;
        }

        void read(String column, String value) {
            if (value == null) {
                return;
            }
            String field = KNOWN_COLUMNS.get(column.toLowerCase(Locale.ROOT).replace(' ', '_'));
            if (field == null) {
                attributes.putIfAbsent(column, value);
                return;
            }
            switch (field) {
                case "name" -> name = fits(column, value, 300);
                case "first_name" -> firstName = fits(column, value, 150);
                case "last_name" -> lastName = fits(column, value, 150);
                case "birth_date" -> {
                    birthDate = Demographics.birthDate(value, today).orElse(null);
                    if (birthDate == null) {
                        errors.add(new RowError(line, column, column + " is not a date of birth (use YYYY-MM-DD); it was kept as an attribute."));
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
                        errors.add(new RowError(line, column, column + " is not a valid phone number; it was kept as an attribute."));
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
                errors.add(new RowError(line, column, column + " is longer than " + max + " characters; the patient was not stored."));
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
            return new PatientFacts(externalId, name, firstName, lastName, birthDate, sex, phone, email, diagnosis, zip,
                    attributes);
        }
    }
}
