package dev.chartroom.intake.attachments;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form field that lists one value per attachment ({@code names}, {@code external_ids}): either a
 * JSON array ({@code ["Lab","Photo"]}) or a comma-separated list ({@code ext-1,ext-2}). Values are
 * trimmed; an empty value means "none for that attachment". An absent or blank field lists nothing.
 */
final class ValueList {

    /** What a field held. */
    sealed interface Parsed {
        /** The field was absent or blank. */
        record Absent() implements Parsed {}

        /** One entry per attachment; null where an entry is empty or JSON null. */
        record Values(List<String> values) implements Parsed {}

        /** Neither a JSON array of strings nor a comma-separated list. */
        record Invalid(String reason) implements Parsed {}
    }

    static final int MAX_VALUE_LENGTH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ValueList() {}

    static Parsed parse(String raw) {
        return parse(raw, MAX_VALUE_LENGTH);
    }

    /** @param maxLength the longest value accepted (the column it is stored in) */
    static Parsed parse(String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return new Parsed.Absent();
        }
        String text = raw.strip();
        List<String> values = text.startsWith("[") ? jsonArray(text) : commaSeparated(text);
        if (values == null) {
            return new Parsed.Invalid("must be a JSON array of strings or a comma-separated list");
        }
        if (values.stream().anyMatch(v -> v != null && v.length() > maxLength)) {
            return new Parsed.Invalid("values must be at most " + maxLength + " characters");
        }
        return new Parsed.Values(values);
    }

    private static List<String> jsonArray(String text) {
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isNull()) {
                values.add(null);
            } else if (element.isString() || element.isNumber()) {
                values.add(emptyToNull(element.asString().strip()));
            } else {
                return null;
            }
        }
        return values;
    }

    private static List<String> commaSeparated(String text) {
        List<String> values = new ArrayList<>();
        for (String value : text.split(",", -1)) {
            values.add(emptyToNull(value.strip()));
        }
        return values;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
