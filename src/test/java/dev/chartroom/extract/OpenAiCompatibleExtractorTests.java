package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider against a real chat-completions server on 127.0.0.1. */
class OpenAiCompatibleExtractorTests {

    private static final String NOTE = "Takes metformin 500 mg PO BID. Allergic to penicillin (hives).";
    private static final String KEY = "sk-test-secret";
    private static final JsonMapper json = JsonMapper.builder().build();

    private final RuleBasedExtractor builtin = new RuleBasedExtractor(DrugLexicon.load());
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<JsonNode> requestBody = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer;
    private volatile boolean stall;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::chatCompletions);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void chatCompletions(HttpExchange exchange) throws IOException {
        path.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        requestBody.set(json.readTree(exchange.getRequestBody().readAllBytes()));
        if (stall) {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = completion(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String completion(String content) {
        var root = json.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion");
        var message = root.putArray("choices").addObject().put("index", 0).putObject("message");
        message.put("role", "assistant").put("content", content);
        return json.writeValueAsString(root);
    }

    private OpenAiCompatibleExtractor extractor(String baseUrl, Duration timeout) {
        var settings = new ExtractionProperties.OpenAi(baseUrl, "test-model", KEY, timeout);
        return new OpenAiCompatibleExtractor(
                settings, HttpClient.newBuilder().connectTimeout(timeout).build(), builtin);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Test
    void sendsTheNoteWithASchemaAndReadsTheAnswer() {
        answer = """
                {"medications":[{"name":"Metformin","dose":"500 mg","route":"PO","frequency":"BID"},
                                {"name":"aspirin","dose":null,"route":null,"frequency":null}],
                 "allergies":[{"substance":"penicillin","reaction":"hives"}]}""";

        Extraction extraction =
                extractor(baseUrl() + "/", Duration.ofSeconds(5)).extract(NOTE);

        assertThat(path.get()).isEqualTo("POST /v1/chat/completions");
        assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
        JsonNode request = requestBody.get();
        assertThat(request.path("model").asString()).isEqualTo("test-model");
        assertThat(request.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(request.path("messages").path(1).path("role").asString()).isEqualTo("user");
        assertThat(request.path("messages").path(1).path("content").asString()).isEqualTo(NOTE);
        JsonNode format = request.path("response_format");
        assertThat(format.path("type").asString()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("name").asString()).isEqualTo("clinical_extraction");
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("required").toString()).isEqualTo("[\"medications\",\"allergies\"]");
        assertThat(schema.path("properties")
                        .path("medications")
                        .path("items")
                        .path("required")
                        .toString())
                .isEqualTo("[\"name\",\"dose\",\"route\",\"frequency\"]");
        assertThat(schema.path("properties")
                        .path("allergies")
                        .path("items")
                        .path("required")
                        .toString())
                .isEqualTo("[\"substance\",\"reaction\"]");

        assertThat(extraction.provider()).isEqualTo("openai");
        assertThat(extraction.fallbackReason()).isNull();
        assertThat(extraction.medications())
                .containsExactly(
                        new Medication("Metformin", List.of("metformin"), "500 mg", "PO", "BID", new Span(6, 15)),
                        new Medication("aspirin", List.of("aspirin"), null, null, null, null));
        assertThat(extraction.allergies()).containsExactly(new Allergy("penicillin", "hives", new Span(43, 53)));
    }

    @Test
    void aServerErrorFallsBackToTheBuiltInExtractor() {
        status = 500;
        answer = "{\"medications\":[],\"allergies\":[]}";

        Extraction extraction = extractor(baseUrl(), Duration.ofSeconds(5)).extract(NOTE);

        assertFallback(extraction, "HTTP status 500");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json at all",
                "{\"medications\": [",
                "[]",
                "{\"medications\":[]}",
                "{\"medications\":[{\"dose\":\"5 mg\"}],\"allergies\":[]}",
                "{\"medications\":[1],\"allergies\":[]}",
                "{\"medications\":[],\"allergies\":[{\"substance\":42}]}"
            })
    void contentThatIsNotTheSchemasJsonFallsBack(String content) {
        answer = content;

        Extraction extraction = extractor(baseUrl(), Duration.ofSeconds(5)).extract(NOTE);

        assertThat(extraction.provider()).isEqualTo("builtin");
        assertThat(extraction.fallbackReason()).isIn("response is not valid JSON", "content does not match the schema");
        assertThat(extraction.medications()).extracting(Medication::name).containsExactly("metformin");
    }

    @Test
    void aSlowServerTimesOutAndFallsBack() {
        stall = true;
        answer = "{\"medications\":[],\"allergies\":[]}";

        long started = System.nanoTime();
        Extraction extraction = extractor(baseUrl(), Duration.ofMillis(300)).extract(NOTE);

        assertFallback(extraction, "timed out after PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aRefusedConnectionFallsBack() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Extraction extraction = extractor("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(2))
                .extract(NOTE);

        assertFallback(extraction, "connection failed");
    }

    @Test
    void blankNotesAreNotSent() {
        Extraction extraction = extractor(baseUrl(), Duration.ofSeconds(5)).extract("  ");

        assertThat(path.get()).isNull();
        assertThat(extraction.medications()).isEmpty();
        assertThat(extraction.fallbackReason()).isNull();
    }

    @Test
    void requiresABaseUrlAndAModelAndNeverPrintsTheKey() {
        var noUrl = new ExtractionProperties.OpenAi(" ", "m", KEY, Duration.ofSeconds(1));
        var noModel = new ExtractionProperties.OpenAi(baseUrl(), null, KEY, Duration.ofSeconds(1));

        assertThatThrownBy(() -> new OpenAiCompatibleExtractor(noUrl, HttpClient.newHttpClient(), builtin))
                .hasMessageContaining("base-url");
        assertThatThrownBy(() -> new OpenAiCompatibleExtractor(noModel, HttpClient.newHttpClient(), builtin))
                .hasMessageContaining("model");
        assertThat(noUrl.toString()).doesNotContain(KEY);
    }

    private static void assertFallback(Extraction extraction, String reason) {
        assertThat(extraction.provider()).isEqualTo("builtin");
        assertThat(extraction.fallbackReason())
                .isEqualTo(reason)
                .doesNotContain(KEY)
                .doesNotContain("metformin");
        assertThat(extraction.medications()).extracting(Medication::name).containsExactly("metformin");
        assertThat(extraction.allergies())
                .extracting(Allergy::substance, Allergy::reaction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("penicillin", "hives"));
    }
}
