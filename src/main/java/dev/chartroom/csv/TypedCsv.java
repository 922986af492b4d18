package dev.chartroom.csv;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed CSV contract's files (seeds/csv-upload-api.txt): a header with at least one comma,
 * case-sensitive column names in any order, every required column present, extra columns ignored,
 * and a row limit per type.
 */
public final class TypedCsv {

    /** The three types, with their required columns, documented optional columns and row limits (0: none). */
    public enum Type {
        APPOINTMENTS("appointments", 0, List.of("AppointmentId", "PatientRecordId", "AppointmentStatus",
                "AppointmentDoctor", "Virtual", "AppointmentDate", "EarliestAppointmentTime", "PatientFirstName",
                "PatientLastName", "DOB", "Phone", "NewConsult", "TestStatus", "IntakeCharted"),
                List.of("AppointmentTestId", "OfficeId", "Office", "AppointmentStatusId", "TestStatusId", "TestId",
                        "TestCode", "TestName", "TestStartTime", "email", "PhoneType", "HealthCardStatus",
                        "PharmacyName", "PharmacyAddress", "PharmacyCity", "PharmacyPostalCode", "PharmacyFax",
                        "LastModifiedDate")),
        MEDICATIONS("medications", 5000, List.of("PatientRecordId", "MedicationName", "Dose", "Strength", "SIG",
                "DateStarted"),
                List.of("PatientMedicationId", "MedicationClass", "Form", "Route", "Ingredients", "Instructions",
                        "HasDIN", "DIN", "DateCreated")),
        CONSULT_NOTES("consult-notes", 500, List.of("AppointmentId", "VPText", "CategoryNameReport",
                "CategoryNameTemplate"),
                List.of("VPTextId", "AppointmentTestId", "PatientRecordId", "wRootCategoryId", "ReportingDoctorId",
                        "DoctorRootCategoryId", "CapturedDate"));

        private final String value;
        private final int maxRows;
        private final List<String> required;
        private final List<String> optional;

        Type(String value, int maxRows, List<String> required, List<String> optional) {
            this.value = value;
            this.maxRows = maxRows;
            this.required = required;
            this.optional = optional;
        }

        public String value() {
            return value;
        }

        public int maxRows() {
            return maxRows;
        }

        public List<String> optional() {
            return optional;
        }

        public static Optional<Type> of(String value) {
            for (Type type : values()) {
                if (type.value.equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** Required columns the header lacks. */
    public static final class MissingColumnsException extends InvalidCsvException {
        public MissingColumnsException(List<String> missing) {
            super("Missing required column" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing) + ".");
        }
    }

    /** More data rows than the type allows. */
    public static final class TooManyRowsException extends InvalidCsvException {
        public TooManyRowsException(Type type, int maxRows) {
            super("A " + type.value() + " file may have at most " + maxRows + " rows.");
        }
    }

    /** A read file: where each column is, and its data rows. */
    public record Table(Type type, Map<String, Integer> columns, List<CsvRow> rows) {

        /** A column's trimmed value in a row; null when the column is absent or the value blank. */
        public String value(CsvRow row, String column) {
            Integer index = columns.get(column);
            return index == null ? null : row.value(index);
        }

        /** The documented optional columns that have a value in this row. */
        public Map<String, String> optionalValues(CsvRow row) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : type.optional()) {
                String value = value(row, column);
                if (value != null) {
                    values.put(column, value);
                }
            }
            return values;
        }
    }

    private TypedCsv() {
    }

    /** Reads a file of this type with its documented row limit. */
    public static Table read(Reader source, Type type, CsvLimits limits) {
        return read(source, type, limits, type.maxRows());
    }

    /** Reads a file of this type with a configured row limit (0: none). */
    public static Table read(Reader source, Type type, CsvLimits limits, int maxRows) {
        try (CsvTable table = CsvTable.open(source, limits)) {
            List<String> header = table.header();
            if (header.size() < 2) {
                throw new InvalidCsvException("The header row must contain at least one comma.");
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i), i);
            }
            List<String> missing = type.required.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MissingColumnsException(missing);
            }
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row : table) {
                if (maxRows > 0 && rows.size() == maxRows) {
                    throw new TooManyRowsException(type, maxRows);
                }
                rows.add(row);
            }
            return new Table(type, Collections.unmodifiableMap(columns), List.copyOf(rows));
        }
    }
}
