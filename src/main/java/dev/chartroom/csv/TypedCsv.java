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

    /** The three types, with their required and documented optional columns. Row limits are settings ({@code chartroom.limits}). */
    public enum Type {
        APPOINTMENTS(
                "appointments",
                List.of(
                        "AppointmentId",
                        "PatientRecordId",
                        "AppointmentStatus",
                        "AppointmentDoctor",
                        "Virtual",
                        "AppointmentDate",
                        "EarliestAppointmentTime",
                        "PatientFirstName",
                        "PatientLastName",
                        "DOB",
                        "Phone",
                        "NewConsult",
                        "TestStatus",
                        "IntakeCharted"),
                List.of(
                        "AppointmentTestId",
                        "OfficeId",
                        "Office",
                        "AppointmentStatusId",
                        "TestStatusId",
                        "TestId",
                        "TestCode",
                        "TestName",
                        "TestStartTime",
                        "email",
                        "PhoneType",
                        "HealthCardStatus",
                        "PharmacyName",
                        "PharmacyAddress",
                        "PharmacyCity",
                        "PharmacyPostalCode",
                        "PharmacyFax",
                        "LastModifiedDate")),
        MEDICATIONS(
                "medications",
                List.of("PatientRecordId", "MedicationName", "Dose", "Strength", "SIG", "DateStarted"),
                List.of(
                        "PatientMedicationId",
                        "MedicationClass",
                        "Form",
                        "Route",
                        "Ingredients",
                        "Instructions",
                        "HasDIN",
                        "DIN",
                        "DateCreated")),
        CONSULT_NOTES(
                "consult-notes",
                List.of("AppointmentId", "VPText", "CategoryNameReport", "CategoryNameTemplate"),
                List.of(
                        "VPTextId",
                        "AppointmentTestId",
                        "PatientRecordId",
                        "wRootCategoryId",
                        "ReportingDoctorId",
                        "DoctorRootCategoryId",
                        "CapturedDate"));

        private final String value;
        private final List<String> required;
        private final List<String> optional;

        Type(String value, List<String> required, List<String> optional) {
            this.value = value;
            this.required = required;
            this.optional = optional;
        }

        public String value() {
            return value;
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
            super("Missing required column" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing)
                    + ".");
        }
    }

    /** More data rows than the type allows. */
    public static final class TooManyRowsException extends InvalidCsvException {
        public TooManyRowsException(Type type, int maxRows) {
            super("A " + type.value() + " file may have at most " + maxRows + " rows.");
        }
    }

    /** A file's header: its type, and where each of its columns is. */
    public record Header(Type type, Map<String, Integer> columns) {

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

    /** A file read whole: where each column is, and its data rows. */
    public record Table(Header header, List<CsvRow> rows) {

        public Type type() {
            return header.type();
        }

        public Map<String, Integer> columns() {
            return header.columns();
        }

        public String value(CsvRow row, String column) {
            return header.value(row, column);
        }

        public Map<String, String> optionalValues(CsvRow row) {
            return header.optionalValues(row);
        }
    }

    /** Takes a file's data rows one at a time, in file order. */
    @FunctionalInterface
    public interface RowSink {
        void row(Header header, CsvRow row);
    }

    private TypedCsv() {}

    /** Reads a whole file of this type with a row limit (0: none); for types whose limit keeps it small. */
    public static Table read(Reader source, Type type, CsvLimits limits, int maxRows) {
        List<CsvRow> rows = new ArrayList<>();
        Header header = read(source, type, limits, maxRows, (h, row) -> rows.add(row));
        return new Table(header, List.copyOf(rows));
    }

    /**
     * Reads a file of this type row by row, handing each data row to the sink as it is read and
     * keeping none, so that memory does not grow with the file.
     *
     * @throws InvalidCsvException for a bad header, a missing column, too many rows or broken CSV;
     *                             the sink may have seen rows before it
     */
    public static Header read(Reader source, Type type, CsvLimits limits, int maxRows, RowSink sink) {
        try (CsvTable table = CsvTable.open(source, limits)) {
            Header header = header(table.header(), type);
            long count = 0;
            for (CsvRow row : table) {
                if (maxRows > 0 && count == maxRows) {
                    throw new TooManyRowsException(type, maxRows);
                }
                count++;
                sink.row(header, row);
            }
            return header;
        }
    }

    private static Header header(List<String> names, Type type) {
        if (names.size() < 2) {
            throw new InvalidCsvException("The header row must contain at least one comma.");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        List<String> missing =
                type.required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MissingColumnsException(missing);
        }
        return new Header(type, Collections.unmodifiableMap(columns));
    }
}
