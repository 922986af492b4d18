package dev.chartroom.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a patient upload CSV keeps its fields, decided from its header and the optional
 * {@link ColumnMapping}, in this order:
 * <ol>
 *   <li>the contract's own shape: {@code patient_id} first, {@code event_id} second for an event
 *       file, known columns found by their usual names ({@link #KNOWN_COLUMNS});</li>
 *   <li>else an unedited {@link Export}, recognised when its header holds all of that export's
 *       signature columns (any case, any order);</li>
 *   <li>the mapping then names or renames columns on top of either, or describes a header that is
 *       neither.</li>
 * </ol>
 * Anything else is refused with a message listing what is expected.
 */
final class PatientFileLayout {

    /** Usual names of the patient fields (lower case, spaces as underscores). */
    static final Map<String, String> KNOWN_COLUMNS = knownColumns();

    static final String EVENT_ID = "event_id";
    static final String DATE = "event_date";
    static final String TYPE = "event_type";
    static final String VALUE = "value";
    /** Where the value is when the value column is empty (MIMIC's VALUENUM beside VALUE). */
    static final String VALUE_FALLBACK = "value_fallback";

    static final String UNIT = "unit";

    /** Exports whose files load as they are. */
    enum Export {
        SYNTHEA_PATIENTS("Synthea patients.csv", false, "Id", "BIRTHDATE", "FIRST", "LAST", "GENDER"),
        SYNTHEA_OBSERVATIONS("Synthea observations.csv", true, "PATIENT", "DATE", "CODE", "DESCRIPTION", "VALUE"),
        MIMIC_PATIENTS("MIMIC-III PATIENTS.csv", false, "SUBJECT_ID", "GENDER", "DOB"),
        MIMIC_EVENTS("MIMIC-III LABEVENTS.csv", true, "SUBJECT_ID", "ITEMID", "CHARTTIME", "VALUE");

        final String title;
        final boolean events;
        final List<String> signature;

        Export(String title, boolean events, String... signature) {
            this.title = title;
            this.events = events;
            this.signature = List.of(signature);
        }

        boolean matches(Columns columns) {
            return signature.stream().allMatch(columns::has);
        }
    }

    /** The header, looked up by exact name or case-insensitively. */
    record Columns(List<String> header, Map<String, Integer> byLowerCase) {

        static Columns of(List<String> header) {
            Map<String, Integer> byLowerCase = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byLowerCase.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            return new Columns(header, byLowerCase);
        }

        boolean has(String name) {
            return index(name) >= 0;
        }

        /** The first column of this name, exact match first; -1 when absent. */
        int index(String name) {
            int exact = header.indexOf(name);
            return exact >= 0 ? exact : byLowerCase.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
        }

        int first(String... names) {
            for (String name : names) {
                int index = index(name);
                if (index >= 0) {
                    return index;
                }
            }
            return -1;
        }
    }

    /** What the file is, for messages: "the patient upload's own format", an export's name, "the columns field". */
    final String source;

    final boolean events;
    final int patientId;
    /** The name row errors give the patient id column. */
    final String patientIdLabel;
    /** Patient files: per column, the patient field it fills; null for an attribute. */
    final String[] fieldOf;
    /** Event files: the column of each event field ({@link #EVENT_ID}, {@link #DATE}, …); absent when the file has none. */
    final Map<String, Integer> eventColumns;
    /** The name row errors give the event id column. */
    final String eventIdLabel;
    /** Event files without an event id: the columns whose values make one. */
    final int[] eventIdParts;
    /** Birth dates as the export has them, however far they were shifted (MIMIC): read, not judged. */
    final boolean shiftedBirthDates;

    private PatientFileLayout(
            String source,
            boolean events,
            int patientId,
            String patientIdLabel,
            String[] fieldOf,
            Map<String, Integer> eventColumns,
            String eventIdLabel,
            int[] eventIdParts,
            boolean shiftedBirthDates) {
        this.source = source;
        this.events = events;
        this.patientId = patientId;
        this.patientIdLabel = patientIdLabel;
        this.fieldOf = fieldOf;
        this.eventColumns = Map.copyOf(eventColumns);
        this.eventIdLabel = eventIdLabel;
        this.eventIdParts = eventIdParts;
        this.shiftedBirthDates = shiftedBirthDates;
    }

    int event(String field) {
        return eventColumns.getOrDefault(field, -1);
    }

    /** The layout of a file with this header. */
    static PatientFileLayout of(List<String> header, ColumnMapping mapping) {
        Columns columns = Columns.of(header);
        PatientFileLayout detected = detect(columns);
        if (mapping.isEmpty()) {
            if (detected == null) {
                throw new PatientFile.UnrecognizedHeaderException(expected());
            }
            return detected;
        }
        return mapped(columns, detected, mapping);
    }

    /** Whether the header starts with patient_id, as the contract requires. */
    static boolean hasPatientIdFirst(List<String> header) {
        return !header.isEmpty() && header.getFirst().equalsIgnoreCase("patient_id");
    }

    private static PatientFileLayout detect(Columns columns) {
        List<String> header = columns.header();
        if (hasPatientIdFirst(header)) {
            boolean events = header.size() > 1 && header.get(1).equalsIgnoreCase(EVENT_ID);
            return events ? seedEvents(header) : seedPatients(header);
        }
        for (Export export : Export.values()) {
            if (export.matches(columns)) {
                return ofExport(export, columns);
            }
        }
        return null;
    }

    private static PatientFileLayout seedPatients(List<String> header) {
        return new PatientFileLayout(
                "the patient upload's own format",
                false,
                0,
                "patient_id",
                knownFields(header, 0, Map.of()),
                Map.of(),
                null,
                new int[0],
                false);
    }

    private static PatientFileLayout seedEvents(List<String> header) {
        Map<String, Integer> rest = new LinkedHashMap<>();
        for (int i = 2; i < header.size(); i++) {
            rest.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> events = new HashMap<>();
        events.put(EVENT_ID, 1);
        putFirst(events, DATE, rest, "event_date", "date", "datetime", "timestamp");
        putFirst(events, TYPE, rest, "event_type", "type", "name");
        putFirst(events, VALUE, rest, "value", "event_value", "result");
        putFirst(events, UNIT, rest, "unit", "units");
        return new PatientFileLayout(
                "the patient upload's own format", true, 0, "patient_id", null, events, "event_id", new int[0], false);
    }

    private static PatientFileLayout ofExport(Export export, Columns c) {
        return switch (export) {
            case SYNTHEA_PATIENTS -> {
                int id = c.index("Id");
                yield new PatientFileLayout(
                        export.title,
                        false,
                        id,
                        c.header().get(id),
                        knownFields(
                                c.header(),
                                id,
                                Map.of(
                                        c.index("FIRST"),
                                        "first_name",
                                        c.index("LAST"),
                                        "last_name",
                                        c.index("BIRTHDATE"),
                                        "birth_date",
                                        c.index("GENDER"),
                                        "sex")),
                        Map.of(),
                        null,
                        new int[0],
                        false);
            }
            case MIMIC_PATIENTS -> {
                int id = c.index("SUBJECT_ID");
                yield new PatientFileLayout(
                        export.title,
                        false,
                        id,
                        c.header().get(id),
                        knownFields(c.header(), id, Map.of(c.index("DOB"), "birth_date", c.index("GENDER"), "sex")),
                        Map.of(),
                        null,
                        new int[0],
                        true);
            }
            case SYNTHEA_OBSERVATIONS -> {
                Map<String, Integer> events = new HashMap<>();
                events.put(DATE, c.index("DATE"));
                events.put(TYPE, c.index("DESCRIPTION"));
                events.put(VALUE, c.index("VALUE"));
                putIfPresent(events, UNIT, c.index("UNITS"));
                int id = c.index("PATIENT");
                yield new PatientFileLayout(
                        export.title,
                        true,
                        id,
                        c.header().get(id),
                        null,
                        events,
                        null,
                        new int[] {id, c.index("DATE"), c.index("CODE"), c.index("VALUE")},
                        false);
            }
            case MIMIC_EVENTS -> {
                Map<String, Integer> events = new HashMap<>();
                int eventId = c.first("ROW_ID", "LABEVENT_ID");
                putIfPresent(events, EVENT_ID, eventId);
                events.put(DATE, c.index("CHARTTIME"));
                events.put(TYPE, c.first("LABEL", "ITEMID"));
                events.put(VALUE, c.index("VALUE"));
                putIfPresent(events, VALUE_FALLBACK, c.index("VALUENUM"));
                putIfPresent(events, UNIT, c.index("VALUEUOM"));
                int id = c.index("SUBJECT_ID");
                yield new PatientFileLayout(
                        export.title,
                        true,
                        id,
                        c.header().get(id),
                        null,
                        events,
                        eventId < 0 ? null : c.header().get(eventId),
                        new int[] {id, c.index("CHARTTIME"), c.index("ITEMID"), c.index("VALUE")},
                        false);
            }
        };
    }

    /** The detected layout (or none) with the mapping's columns put on top. */
    private static PatientFileLayout mapped(Columns columns, PatientFileLayout detected, ColumnMapping mapping) {
        List<String> header = columns.header();
        Map<String, Integer> mappedColumns = new LinkedHashMap<>();
        Map<Integer, String> fieldByColumn = new HashMap<>();
        for (var entry : mapping.columns().entrySet()) {
            int index = columns.index(entry.getValue());
            if (index < 0) {
                throw new InvalidCsvException("columns maps " + entry.getKey() + " to '" + entry.getValue()
                        + "', which is not a column of the file (its header: " + shortList(header) + ").");
            }
            String earlier = fieldByColumn.put(index, entry.getKey());
            if (earlier != null) {
                throw new InvalidCsvException("columns maps both " + earlier + " and " + entry.getKey()
                        + " to the column '" + header.get(index) + "'; a column fills one field.");
            }
            mappedColumns.put(entry.getKey(), index);
        }
        boolean events =
                mapping.namesEventFields() || (!mapping.namesPatientFields() && detected != null && detected.events);
        if (detected != null && detected.events != events) {
            throw new InvalidCsvException("The file is " + (detected.events ? "an event file" : "a patient file")
                    + " (" + detected.source + ") but columns names " + (events ? "event" : "patient")
                    + " fields; a file is one or the other.");
        }
        Integer mappedId = mappedColumns.get(ColumnMapping.PATIENT_ID);
        if (mappedId == null && detected == null) {
            throw new InvalidCsvException("columns must name the patient_id column: the file's header is not one"
                    + " Chartroom recognises by itself (its header: " + shortList(header) + ").");
        }
        int patientId = mappedId != null ? mappedId : detected.patientId;
        String patientIdLabel = mappedId != null ? header.get(mappedId) : detected.patientIdLabel;
        boolean shifted = detected != null && detected.shiftedBirthDates;
        String source = detected == null ? "the columns field" : detected.source + " with the columns field";
        if (!events) {
            String[] fieldOf = detected != null ? detected.fieldOf.clone() : knownFields(header, patientId, Map.of());
            fieldOf[patientId] = null;
            mappedColumns.forEach((field, index) -> {
                if (!field.equals(ColumnMapping.PATIENT_ID)) {
                    for (int i = 0; i < fieldOf.length; i++) {
                        if (field.equals(fieldOf[i])) {
                            fieldOf[i] = null;
                        }
                    }
                    fieldOf[index] = field;
                }
            });
            return new PatientFileLayout(
                    source, false, patientId, patientIdLabel, fieldOf, Map.of(), null, new int[0], shifted);
        }
        Map<String, Integer> eventColumns =
                new HashMap<>(detected != null ? detected.eventColumns : usualEventColumns(header));
        eventColumns.values().removeIf(index -> index == patientId);
        mappedColumns.forEach((field, index) -> {
            if (!field.equals(ColumnMapping.PATIENT_ID)) {
                eventColumns.values().removeIf(index::equals);
                eventColumns.put(field, index);
                if (field.equals(VALUE)) {
                    eventColumns.remove(VALUE_FALLBACK);
                }
            }
        });
        Integer eventId = eventColumns.get(EVENT_ID);
        String eventIdLabel = eventId == null
                ? null
                : mappedColumns.containsKey(EVENT_ID) || detected == null ? header.get(eventId) : detected.eventIdLabel;
        boolean sameIdentity = detected != null
                && List.of(ColumnMapping.PATIENT_ID, DATE, TYPE, VALUE).stream().noneMatch(mappedColumns::containsKey);
        int[] parts = sameIdentity
                ? detected.eventIdParts
                : Arrays.stream(new int[] {
                            patientId,
                            eventColumns.getOrDefault(DATE, -1),
                            eventColumns.getOrDefault(TYPE, -1),
                            eventColumns.getOrDefault(VALUE, -1)
                        })
                        .filter(i -> i >= 0)
                        .toArray();
        return new PatientFileLayout(
                source, true, patientId, patientIdLabel, null, eventColumns, eventIdLabel, parts, shifted);
    }

    /** An unrecognised event header: the event fields found by the names the contract's own files use. */
    private static Map<String, Integer> usualEventColumns(List<String> header) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> events = new HashMap<>();
        putFirst(events, EVENT_ID, byName, "event_id");
        putFirst(events, DATE, byName, "event_date", "date", "datetime", "timestamp");
        putFirst(events, TYPE, byName, "event_type", "type", "name");
        putFirst(events, VALUE, byName, "value", "event_value", "result");
        putFirst(events, UNIT, byName, "unit", "units");
        return events;
    }

    /** Per column, the patient field its name says (explicit ones win; a field explicitly placed is not guessed elsewhere). */
    private static String[] knownFields(List<String> header, int patientId, Map<Integer, String> explicit) {
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            if (i == patientId) {
                continue;
            }
            String field = explicit.get(i);
            if (field == null) {
                field = KNOWN_COLUMNS.get(header.get(i).toLowerCase(Locale.ROOT).replace(' ', '_'));
                if (field != null && explicit.containsValue(field)) {
                    field = null;
                }
            }
            fields[i] = field;
        }
        return fields;
    }

    /** The message of a refused header: every shape Chartroom reads. */
    static String expected() {
        String exports = Arrays.stream(Export.values())
                .map(e -> e.title + " (" + String.join(", ", e.signature) + ")")
                .collect(Collectors.joining(", "));
        return "First column is not patient_id, and the header is not an export Chartroom recognises. Send patient_id"
                + " as the first column (event_id second for an event file); or an unedited export: " + exports
                + "; or name your columns in the columns field, e.g. {\"patient_id\":\"MRN\",\"birth_date\":\"DateOfBirth\"}.";
    }

    private static String shortList(List<String> header) {
        List<String> shown = new ArrayList<>(header.subList(0, Math.min(header.size(), 20)));
        if (header.size() > shown.size()) {
            shown.add("…");
        }
        return String.join(", ", shown);
    }

    private static void putFirst(
            Map<String, Integer> into, String field, Map<String, Integer> columns, String... names) {
        for (String name : names) {
            Integer index = columns.get(name);
            if (index != null) {
                into.put(field, index);
                return;
            }
        }
    }

    private static void putIfPresent(Map<String, Integer> into, String field, int index) {
        if (index >= 0) {
            into.put(field, index);
        }
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
}
