package dev.chartroom.patient;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Attribute maps as the JSON text stored in {@code attributes} columns. */
final class Attributes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private Attributes() {
    }

    static String toJson(Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
    }

    static Map<String, String> fromJson(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }
}
