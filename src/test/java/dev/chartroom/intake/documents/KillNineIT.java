package dev.chartroom.intake.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.ChartroomApplication;
import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestDatabase;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import dev.chartroom.webhook.WebhookReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A document accepted just before its node is killed with SIGKILL (kill -9) is still processed and
 * announced once another node starts on the same data: the work was in the database, not in memory.
 */
class KillNineIT {

    @Test
    void aDocumentAcceptedJustBeforeKillNineIsProcessedAfterRestart() throws Exception {
        Path data = ApplicationTest.temporaryFolder();
        // A database of its own: no other test node may pick up (or steal) the accepted document's job.
        Map<String, String> database = TestDatabase.isolated("kill_nine");
        int port = freePort();
        // The node to be killed runs no jobs, so the accepted document is certainly still unprocessed.
        var childSettings = new java.util.HashMap<>(database);
        childSettings.put("chartroom.jobs.enabled", "false");
        Process node = startChild(data, port, childSettings);
        String documentId;
        try (var receiver = new WebhookReceiver()) {
            try {
                var http = new Http("http://127.0.0.1:" + port);
                await().atMost(Duration.ofSeconds(90))
                        .ignoreExceptions()
                        .until(() -> http.get("/actuator/health").status() == 200);
                TestOrganization acme = ApplicationTest.newOrganization(http);
                TestPatients.create(http, acme, "KN-1", "Kim", "Nine");
                http.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", acme.bearer());
                var accepted = http.post(
                        "/v1/documents",
                        new Multipart()
                                .field("folder_name", "Records")
                                .field("patient_mrn", "KN-1")
                                .file("document", "record.pdf", "application/pdf", TestFiles.pdf("Patient: Kim Nine")),
                        acme.clientCredentials());
                assertThat(accepted.status()).isEqualTo(200);
                documentId = accepted.json().get("document_id").asString();
            } finally {
                node.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
                node.waitFor();
            }

            var restartSettings = new java.util.HashMap<>(database);
            restartSettings.put("chartroom.admin-token", ApplicationTest.ADMIN_TOKEN);
            try (var restarted = RunningChartroom.start(data, restartSettings)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.received().stream()
                                .anyMatch(r -> r.body().contains(documentId)
                                        && r.body().contains("\"document.uploaded\"")));
            }
        }
    }

    private static Process startChild(Path data, int port, Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ChartroomApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--chartroom.data-dir=" + data,
                "--chartroom.admin-token=" + ApplicationTest.ADMIN_TOKEN,
                "--chartroom.webhooks.allow-private-addresses=true",
                "--logging.level.root=WARN"));
        extra.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("killed-node.log").toFile())
                .start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
