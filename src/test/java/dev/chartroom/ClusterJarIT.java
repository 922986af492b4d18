package dev.chartroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.S3Server;
import dev.chartroom.support.TestDatabase;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import dev.chartroom.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Chartroom nodes as an operator runs them: the packaged jar in two child processes, each with a
 * data folder of its own, configured only through environment variables to share one PostgreSQL
 * database and one S3-compatible store (S3Proxy in this JVM, on 127.0.0.1). Any node answers any
 * request: uploads alternate between the nodes, and each read and signed download goes to the other
 * one. Background jobs run on both, each to completion once. Then one node is killed with SIGKILL in
 * the middle of a stream of uploads, and everything it had accepted is processed and served by the
 * other. Failsafe runs it after {@code package} (pass "jar"); it needs PostgreSQL on 127.0.0.1:5432
 * whatever the pass's database, as every build here has.
 */
class ClusterJarIT {

    private static final Path JAR = Path.of(System.getProperty("chartroom.test.jar", "target/chartroom.jar"))
            .toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Job (\\S+) \\((\\S+)\\) completed");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int FIRST_UPLOADS = 8;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR)
                .as("the packaged jar (failsafe runs this test after package)")
                .isRegularFile();
    }

    @Test
    void anyNodeAnswersAnyRequestAndAKilledNodeLosesNothingAccepted() throws Exception {
        Map<String, String> database = TestDatabase.postgresDatabase("cluster");
        try (var s3 = S3Server.start();
                var receiver = new WebhookReceiver()) {
            Map<String, String> settings = new LinkedHashMap<>(database);
            settings.putAll(s3.settings());
            settings.put("chartroom.admin-token", ApplicationTest.ADMIN_TOKEN);
            settings.put("chartroom.webhooks.allow-private-addresses", "true");
            settings.put("chartroom.webhooks.retry-initial-delay", "100ms");
            // A short lease: the killed node's running jobs are claimed again after 4 s, not 2 min.
            settings.put("chartroom.jobs.lease-duration", "4s");
            settings.put("chartroom.jobs.poll-interval", "200ms");
            // Both start at once on the empty database: Flyway's lock lets one migrate, the other wait.
            try (var a = Node.start("a", settings);
                    var b = Node.start("b", settings)) {
                a.awaitStarted();
                b.awaitStarted();
                TestOrganization acme = ApplicationTest.newOrganization(a.http());
                TestPatients.create(b.http(), acme, "CL-1", "Clara", "Node");
                assertThat(a.http()
                                .postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer())
                                .status())
                        .isEqualTo(201);

                // Uploads alternate; the other node reads each one back, with its file and thumbnail.
                Map<String, byte[]> firstUploads = new LinkedHashMap<>();
                for (int i = 0; i < FIRST_UPLOADS; i++) {
                    Node to = i % 2 == 0 ? a : b;
                    byte[] pdf = TestFiles.pdf("Patient: Clara Node", "Cluster upload " + i);
                    firstUploads.put(upload(to, acme, pdf), pdf);
                }
                int i = 0;
                for (var upload : firstUploads.entrySet()) {
                    Node reader = i++ % 2 == 0 ? b : a;
                    Node other = reader == a ? b : a;
                    var document = awaitProcessed(reader, acme, upload.getKey());
                    // A signed URL one node issued, opened on the other (as behind a load balancer).
                    String url = document.get("url").asString().replace(reader.baseUrl(), other.baseUrl());
                    assertThat(url).startsWith(other.baseUrl() + "/files/");
                    var download = other.http().get(url);
                    assertThat(download.status()).as(download.toString()).isEqualTo(200);
                    assertThat(download.body()).isEqualTo(upload.getValue());
                    var thumbnail = other.http()
                            .get(document.get("thumbnailUrl").asString().replace(reader.baseUrl(), other.baseUrl()));
                    assertThat(thumbnail.status()).isEqualTo(200);
                    assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
                }
                // Each document announced exactly once, whichever node ran its jobs.
                await().atMost(WAIT)
                        .until(() -> firstUploads.keySet().stream().allMatch(id -> uploadedEvents(receiver, id) >= 1));
                firstUploads
                        .keySet()
                        .forEach(id ->
                                assertThat(uploadedEvents(receiver, id)).as(id).isEqualTo(1));
                assertThat(a.completedJobs()).as("node a ran jobs").isNotEmpty();
                assertThat(b.completedJobs()).as("node b ran jobs").isNotEmpty();

                // A stream of uploads to a; a is killed while they keep coming and its jobs run.
                List<String> accepted = new CopyOnWriteArrayList<>();
                var sending = new AtomicBoolean(true);
                Thread sender = Thread.ofPlatform().start(() -> {
                    for (int n = 0; n < 60 && sending.get(); n++) {
                        try {
                            accepted.add(upload(a, acme, TestFiles.pdf("Patient: Clara Node", "Stream upload " + n)));
                        } catch (RuntimeException refusedOrCut) {
                            return; // the node is gone: this request was not accepted
                        }
                    }
                });
                await().atMost(WAIT).until(() -> accepted.size() >= 4);
                a.kill();
                sending.set(false);
                sender.join(WAIT.toMillis());
                assertThat(sender.isAlive()).isFalse();

                // b serves every document a accepted, processed: jobs a had claimed ran again once its lease ran out.
                String afterKill = upload(b, acme, TestFiles.pdf("Patient: Clara Node", "After the kill"));
                List<String> all = new ArrayList<>(firstUploads.keySet());
                all.addAll(accepted);
                all.add(afterKill);
                for (String id : all) {
                    var document = awaitProcessed(b, acme, id);
                    assertThat(b.http().get(document.get("url").asString()).status())
                            .isEqualTo(200);
                }
                await().atMost(WAIT).until(() -> all.stream().allMatch(id -> uploadedEvents(receiver, id) >= 1));

                // A job completes once: its row is deleted under its lease, and only then logged.
                List<String> completed = new ArrayList<>(a.completedJobs());
                completed.addAll(b.completedJobs());
                assertThat(completed).doesNotHaveDuplicates();
                System.out.printf(
                        "cluster: %d uploads accepted by a before SIGKILL; jobs completed a=%d b=%d%n",
                        accepted.size(),
                        a.completedJobs().size(),
                        b.completedJobs().size());
            }
        }
    }

    private static String upload(Node node, TestOrganization org, byte[] pdf) {
        var answer = node.http()
                .post(
                        "/v1/documents",
                        new Multipart()
                                .field("folder_name", "Cluster")
                                .field("patient_mrn", "CL-1")
                                .file("document", "record.pdf", "application/pdf", pdf),
                        org.clientCredentials());
        if (answer.status() != 200) {
            throw new IllegalStateException("upload refused: " + answer);
        }
        return answer.json().get("document_id").asString();
    }

    private static tools.jackson.databind.JsonNode awaitProcessed(Node node, TestOrganization org, String id) {
        return await().atMost(WAIT)
                .until(
                        () -> node.http()
                                .get("/v1/documents/" + id, org.apiKey())
                                .json(),
                        document -> document.has("status")
                                && document.get("status").asString().equals("processed"));
    }

    private static long uploadedEvents(WebhookReceiver receiver, String documentId) {
        return receiver.received().stream()
                .filter(r ->
                        r.body().contains("\"document.uploaded\"") && r.body().contains(documentId))
                .count();
    }

    /** One Chartroom node: {@code java -jar chartroom.jar} with settings as environment variables only. */
    private static final class Node implements AutoCloseable {

        private final String name;
        private final Process process;
        private final Path log;
        private int port;

        private Node(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        static Node start(String name, Map<String, String> settings) throws IOException {
            Path folder = ApplicationTest.temporaryFolder();
            Path log = folder.resolve("node-" + name + ".log");
            // C1 and a small heap: two nodes and the test share two cores.
            var builder = new ProcessBuilder(
                            JAVA.toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-Xmx384m",
                            "-jar",
                            JAR.toString(),
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--logging.level.dev.chartroom.jobs.JobWorker=DEBUG")
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            var environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("CHARTROOM_") || key.startsWith("SPRING_"));
            environment.put("CHARTROOM_DATA_DIR", folder.resolve("data").toString());
            settings.forEach((key, value) -> environment.put(environmentName(key), value));
            return new Node(name, builder.start(), log);
        }

        /** Spring's relaxed binding: {@code chartroom.storage.s3.access-key} is {@code CHARTROOM_STORAGE_S3_ACCESS_KEY}. */
        static String environmentName(String key) {
            return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        }

        void awaitStarted() throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                Matcher started = STARTED.matcher(log());
                if (started.find()) {
                    port = Integer.parseInt(started.group(1));
                    await().atMost(WAIT)
                            .ignoreExceptions()
                            .until(() ->
                                    http().get("/actuator/health/readiness").status() == 200);
                    return;
                }
                if (!process.isAlive()) {
                    fail("node " + name + " stopped at start (exit " + process.exitValue() + "):\n" + tail());
                }
                Thread.sleep(100);
            }
            fail("node " + name + " did not start within 3 minutes:\n" + tail());
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        Http http() {
            return new Http(baseUrl());
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        List<String> completedJobs() {
            List<String> ids = new ArrayList<>();
            Matcher matcher = COMPLETED.matcher(log());
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return ids;
        }

        private String log() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String tail() {
            var lines = log().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            }
        }
    }
}
