package dev.chartroom.extract;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extraction by an LLM behind any OpenAI-compatible chat-completions endpoint, asked for JSON
 * that follows a strict schema. Whenever the endpoint fails (unreachable, timeout, non-2xx,
 * content that is not JSON of that shape) the built-in extractor answers instead and the
 * {@link Extraction#fallbackReason()} says why. The log names the reason only: never the note,
 * never the key.
 */
final class OpenAiCompatibleExtractor implements ClinicalExtractor {

    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleExtractor.class);

    static final String SCHEMA_NAME = "clinical_extraction";

    private static final String SYSTEM_MESSAGE = """
            You extract structured data from a clinical note. List the medications the patient \
            currently takes or is started on (not stopped, historical, or only discussed ones) with \
            name as written, dose, route and frequency, and the patient's allergies with substance and \
            reaction. Use null for anything the note does not say. Answer with JSON only.""";

    private static final String SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["medications", "allergies"],
              "properties": {
                "medications": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "dose", "route", "frequency"],
                    "properties": {
                      "name": {"type": "string"},
                      "dose": {"type": ["string", "null"]},
                      "route": {"type": ["string", "null"]},
                      "frequency": {"type": ["string", "null"]}
                    }
                  }
                },
                "allergies": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["substance", "reaction"],
                    "properties": {
                      "substance": {"type": "string"},
                      "reaction": {"type": ["string", "null"]}
                    }
                  }
                }
              }
            }""";

    private final ExtractionProperties.OpenAi settings;
    private final URI endpoint;
    private final HttpClient client;
    private final ClinicalExtractor fallback;
    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode schema;

    OpenAiCompatibleExtractor(ExtractionProperties.OpenAi settings, HttpClient client, ClinicalExtractor fallback) {
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalStateException("chartroom.extraction.openai.base-url is required for provider openai");
        }
        if (settings.model() == null || settings.model().isBlank()) {
            throw new IllegalStateException("chartroom.extraction.openai.model is required for provider openai");
        }
        this.settings = settings;
        this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/chat/completions");
        this.client = client;
        this.fallback = fallback;
        this.schema = json.readTree(SCHEMA);
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public Extraction extract(String text) {
        if (text == null || text.isBlank()) {
            return Extraction.empty(Extraction.OPENAI);
        }
        try {
            HttpResponse<String> response = client.send(request(text), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return fallback(text, "HTTP status " + response.statusCode());
            }
            return parse(text, response.body());
        } catch (HttpTimeoutException ex) {
            return fallback(text, "timed out after " + settings.timeout());
        } catch (ConnectException ex) {
            return fallback(text, "connection failed");
        } catch (IOException ex) {
            return fallback(text, "I/O error (" + ex.getClass().getSimpleName() + ")");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fallback(text, "interrupted");
        } catch (JacksonException ex) {
            return fallback(text, "response is not valid JSON");
        } catch (UnexpectedShape ex) {
            return fallback(text, ex.getMessage());
        }
    }

    private HttpRequest request(String text) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_MESSAGE);
        messages.addObject().put("role", "user").put("content", text);
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", SCHEMA_NAME);
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema);
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        return request.build();
    }

    private Extraction parse(String text, String body) {
        JsonNode content =
                json.readTree(body).path("choices").path(0).path("message").path("content");
        if (!content.isString()) {
            throw new UnexpectedShape("response has no message content");
        }
        JsonNode answer = json.readTree(content.asString());
        JsonNode medicationNodes = answer.path("medications");
        JsonNode allergyNodes = answer.path("allergies");
        if (!medicationNodes.isArray() || !allergyNodes.isArray()) {
            throw new UnexpectedShape("content does not match the schema");
        }
        var medications = new ArrayList<Medication>();
        for (JsonNode node : medicationNodes) {
            String name = required(node, "name");
            medications.add(new Medication(
                    name,
                    DrugNames.ingredients(name),
                    optional(node, "dose"),
                    optional(node, "route"),
                    optional(node, "frequency"),
                    locate(text, name)));
        }
        var allergies = new ArrayList<Allergy>();
        for (JsonNode node : allergyNodes) {
            String substance = required(node, "substance");
            allergies.add(new Allergy(substance, optional(node, "reaction"), locate(text, substance)));
        }
        return new Extraction(medications, allergies, Extraction.OPENAI, null);
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null || value.isBlank()) {
            throw new UnexpectedShape("content does not match the schema");
        }
        return value.strip();
    }

    private static String optional(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new UnexpectedShape("content does not match the schema");
        }
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new UnexpectedShape("content does not match the schema");
        }
        return value.asString().isBlank() ? null : value.asString().strip();
    }

    /** The first case-insensitive occurrence of {@code name} in the note, or null. */
    static Span locate(String text, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
        return m.find() ? new Span(m.start(), m.end()) : null;
    }

    private Extraction fallback(String text, String reason) {
        log.warn("OpenAI-compatible extraction failed ({}); answered with the built-in extractor", reason);
        Extraction builtin = fallback.extract(text);
        return new Extraction(builtin.medications(), builtin.allergies(), Extraction.BUILTIN, reason);
    }

    private static final class UnexpectedShape extends RuntimeException {

        UnexpectedShape(String message) {
            super(message, null, false, false);
        }
    }
}
