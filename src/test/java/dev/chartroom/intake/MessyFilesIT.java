package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real-world messy files (CSV parser edge cases, CSV-injection payloads, broken and locked PDFs)
 * thrown at the intake contracts: each is accepted or refused with a 4xx, never a server error.
 */
class MessyFilesIT extends ApplicationTest {

    TestOrganization acme;
    Http http;

    @BeforeEach
    void organization() {
        acme = newOrganization();
        http = http();
    }

    @Test
    void csvEdgeCasesNeverFailTheServer() throws IOException {
        var failures = new ArrayList<String>();
        for (Path file : TestFiles.sharedFiles("csv-edge-cases", ".csv")) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            var asPatients = http.post(
                    "/api/pandora/upload-v2/upload",
                    new Multipart()
                            .file("file", name, "text/csv", content)
                            .field("teamId", acme.id())
                            .field("groupId", "default"),
                    acme.bearer());
            var asMedications = http.post(
                    "/api/v1/csv",
                    new Multipart().field("type", "medications").file("file", name, "text/csv", content),
                    acme.apiKey());
            for (var answer : List.of(asPatients, asMedications)) {
                if (answer.status() >= 500
                        || answer.status() < 200
                        || !answer.json().has("success")) {
                    failures.add(name + " -> " + answer);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void csvInjectionPayloadsAreStoredAsPlainText() throws IOException {
        List<String> payloads = new ArrayList<>();
        for (Path file : TestFiles.sharedFiles("csv-injection-payloads", ".txt")) {
            Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && line.length() < 300)
                    .forEach(payloads::add);
        }
        var csv = new StringBuilder("patient_id,name,notes\n");
        for (int i = 0; i < payloads.size(); i++) {
            csv.append("inj-")
                    .append(i)
                    .append(",Name ")
                    .append(i)
                    .append(",\"")
                    .append(payloads.get(i).replace("\"", "\"\""))
                    .append("\"\n");
        }

        var answer = http.post(
                "/api/pandora/upload-v2/upload",
                new Multipart()
                        .file("file", "payloads.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "default"),
                acme.bearer());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("patientCount").asInt()).isEqualTo(payloads.size());
        for (int i = 0; i < payloads.size(); i += Math.max(1, payloads.size() / 10)) {
            long id = http.get("/v1/patients?externalId=inj-" + i, acme.bearer())
                    .json()
                    .get("data")
                    .get(0)
                    .get("id")
                    .asLong();
            assertThat(http.get("/v1/patients/" + id, acme.bearer())
                            .json()
                            .get("attributes")
                            .get("notes")
                            .asString())
                    .isEqualTo(payloads.get(i));
        }
    }

    @Test
    void brokenAndLockedPdfsNeverFailTheServer() throws IOException {
        var failures = new ArrayList<String>();
        var pdfs = new ArrayList<Path>(TestFiles.sharedFiles("pdf-qpdf-testsuite/malformed", ".pdf"));
        pdfs.addAll(TestFiles.sharedFiles("pdf-qpdf-testsuite/encrypted", ".pdf"));
        for (Path file : pdfs) {
            var answer = http.post(
                    "/api/pandora/upload-v2/upload",
                    new Multipart()
                            .file("file", file.getFileName().toString(), "application/pdf", Files.readAllBytes(file))
                            .field("teamId", acme.id())
                            .field("groupId", "default"),
                    acme.bearer());
            if (answer.status() != 200 && answer.status() != 400) {
                failures.add(file.getFileName() + " -> " + answer);
            }
        }
        assertThat(failures).isEmpty();
    }
}
