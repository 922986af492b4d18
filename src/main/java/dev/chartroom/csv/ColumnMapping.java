package dev.chartroom.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patient upload's optional {@code columns} field: which of a file's columns holds which
 * field, as a JSON object of field to column name, e.g.
 * {@code {"patient_id":"MRN","birth_date":"DateOfBirth"}}. Fields are those of a patient file
 * ({@link #PATIENT_FIELDS}) or of an event file ({@link #EVENT_FIELDS}), never both; a mapping
 * naming an event field makes the file an event file.
 *
 * @param columns column name by field, in the order given
 */
public record ColumnMapping(Map<String, String> columns) {

    /** The patient id, common to both kinds of file. */
    public static final String PATIENT_ID = "patient_id";

    public static final List<String> PATIENT_FIELDS =
            List.of("name", "first_name", "last_name", "birth_date", "sex", "phone", "email", "diagnosis", "zip");
    public static final List<String> EVENT_FIELDS = List.of("event_id", "event_date", "event_type", "value", "unit");

    /** No mapping: the file's header alone says what is where. */
    public static final ColumnMapping NONE = new ColumnMapping(Map.of());

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String EXAMPLE = "{\"patient_id\":\"MRN\",\"birth_date\":\"DateOfBirth\"}";

    public ColumnMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /**
     * Reads the form field; blank or absent is {@link #NONE}.
     *
     * @throws InvalidCsvException when it is not a JSON object of known fields to column names
     */
    public static ColumnMapping parse(String field) {
        if (field == null || field.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(field);
        } catch (JacksonException e) {
            throw new InvalidCsvException(
                    "columns is not valid JSON: send an object of field to column name, e.g. " + EXAMPLE + ".");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCsvException(
                    "columns must be a JSON object of field to column name, e.g. " + EXAMPLE + ".");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> known = knownFields();
        for (var entry : root.properties()) {
            String target = entry.getKey();
            if (!known.contains(target)) {
                throw new InvalidCsvException("columns names an unknown field '" + target + "'; the fields are "
                        + String.join(", ", known) + ".");
            }
            JsonNode column = entry.getValue();
            if (!column.isString() || column.asString().isBlank()) {
                throw new InvalidCsvException(
                        "columns: the value of '" + target + "' must be the name of a column of the file.");
            }
            columns.put(target, column.asString().strip());
        }
        boolean patientFields = columns.keySet().stream().anyMatch(PATIENT_FIELDS::contains);
        boolean eventFields = columns.keySet().stream().anyMatch(EVENT_FIELDS::contains);
        if (patientFields && eventFields) {
            throw new InvalidCsvException("columns mixes patient fields (" + String.join(", ", PATIENT_FIELDS)
                    + ") and event fields (" + String.join(", ", EVENT_FIELDS) + "); a file is one or the other.");
        }
        return new ColumnMapping(columns);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Whether the mapping names an event field, making the file an event file. */
    public boolean namesEventFields() {
        return columns.keySet().stream().anyMatch(EVENT_FIELDS::contains);
    }

    /** Whether the mapping names a patient field (beyond patient_id), making the file a patient file. */
    public boolean namesPatientFields() {
        return columns.keySet().stream().anyMatch(PATIENT_FIELDS::contains);
    }

    private static Set<String> knownFields() {
        var known = new LinkedHashSet<String>();
        known.add(PATIENT_ID);
        known.addAll(PATIENT_FIELDS);
        known.addAll(EVENT_FIELDS);
        return known;
    }
}
