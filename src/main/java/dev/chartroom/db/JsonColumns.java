package dev.chartroom.db;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** String maps as the JSON text stored in {@code attributes}-like columns, portable across databases. */
public final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private JsonColumns() {}

    public static String toJson(Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
    }

    public static Map<String, String> fromJson(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }
}
