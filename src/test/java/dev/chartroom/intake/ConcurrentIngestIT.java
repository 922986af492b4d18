package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Many large uploads at once, through real HTTP: every answer is a success or a 503 with
 * Retry-After in the contract's own shape, never another 5xx, and what a success reports is stored
 * whole. The gate is set small here (2 at once, 1 s wait) so that the busy answers happen too.
 */
@TestPropertySource(
        properties = {
            "chartroom.limits.ingest-concurrency=2",
            "chartroom.limits.ingest-wait=1s",
            "chartroom.limits.organization-wait=20s"
        })
class ConcurrentIngestIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";
    static final int PATIENTS = 1000;
    /** The first rows of every file of one organization are the same events (their values differ). */
    static final int SHARED_ROWS = 5000;

    static final int FILE_SIZE = 2_800_000;

    @Autowired
    IngestGate gate;

    /** One event file: the same 1,000 patients in every file, the same first events, then events of its own. */
    static byte[] eventFile(int file) {
        var csv = new StringBuilder(FILE_SIZE + 100).append("patient_id,event_id,event_date,event_type,value,unit\n");
        String[] kinds = {"heart_rate,%d,bpm", "SpO2,%d,%%", "resp_rate,%d,/min", "temp,%d,C"};
        for (int row = 0; csv.length() < FILE_SIZE; row++) {
            String event = row < SHARED_ROWS ? "s-" + row : "f" + file + "-" + row;
            csv.append(patient(row % PATIENTS))
                    .append(',')
                    .append(event)
                    .append(",2026-01-")
                    .append(String.format("%02d", 1 + row % 28))
                    .append(',')
                    .append(String.format(kinds[row % 4], 60 + (row + file) % 40))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String patient(int number) {
        return String.format("mrn-%04d", number);
    }

    /** Events of one file that name the patient. */
    static long ownEventsOf(byte[] file, String patient) {
        return new String(file, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith(patient + ",f"))
                .count();
    }

    record Sent(TestOrganization organization, byte[] file, Http.Response answer) {}

    @Test
    void sixteenLargeEventUploadsOfOverlappingPatientsAtOnceAreStoredOrToldToComeBack() throws Exception {
        Http http = http();
        List<TestOrganization> organizations = List.of(newOrganization(), newOrganization());
        for (TestOrganization organization : organizations) {
            http.postJson("/v1/groups", "{\"id\":\"ward\",\"name\":\"Ward\"}", organization.bearer());
        }
        List<Callable<Sent>> uploads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TestOrganization organization = organizations.get(i % 2);
            byte[] file = eventFile(i);
            uploads.add(() -> new Sent(
                    organization,
                    file,
                    http.post(
                            UPLOAD,
                            new Multipart()
                                    .file("file", "vitals.csv", "text/csv", file)
                                    .field("teamId", organization.id())
                                    .field("groupId", "ward"),
                            organization.bearer())));
        }
        List<Sent> sent = new ArrayList<>();
        try (var clients = Executors.newFixedThreadPool(16)) {
            for (Future<Sent> answer : clients.invokeAll(uploads)) {
                sent.add(answer.get());
            }
        }

        int stored = 0;
        for (Sent one : sent) {
            var answer = one.answer();
            assertThat(answer.status()).as(answer.toString()).isIn(200, 503);
            if (answer.status() == 200) {
                stored++;
                assertThat(answer.json().get("success").asBoolean()).isTrue();
                assertThat(answer.json().get("patientCount").asInt()).isEqualTo(PATIENTS);
            } else {
                assertThat(answer.header("Retry-After")).as(answer.toString()).matches("[1-9][0-9]*");
                assertThat(answer.json().get("success").asBoolean()).isFalse();
                assertThat(answer.json().get("error").asString()).isEqualTo("service_unavailable");
                assertThat(answer.json().get("message").asString()).isNotBlank();
            }
        }
        assertThat(stored).as("uploads stored").isPositive();

        // Complete for every success, and nothing of a refused upload: the shared events once, each stored file's own.
        for (TestOrganization organization : organizations) {
            List<Sent> ofOrganization =
                    sent.stream().filter(s -> s.organization() == organization).toList();
            boolean any = ofOrganization.stream().anyMatch(s -> s.answer().status() == 200);
            for (String patient : List.of(patient(7), patient(512), patient(999))) {
                long expected = (any ? SHARED_ROWS / PATIENTS : 0)
                        + ofOrganization.stream()
                                .filter(s -> s.answer().status() == 200)
                                .mapToLong(s -> ownEventsOf(s.file(), patient))
                                .sum();
                var found = http.get("/v1/patients?externalId=" + patient, organization.bearer())
                        .json()
                        .get("data");
                if (!any) {
                    assertThat(found).isEmpty();
                    continue;
                }
                var record = http.get("/v1/patients/" + found.get(0).get("id").asLong(), organization.bearer())
                        .json();
                assertThat(record.get("events"))
                        .as(patient + " of " + organization.id())
                        .hasSize((int) expected);
            }
            if (any) {
                var members = http.get("/v1/patients?groupId=ward&limit=1", organization.bearer())
                        .json()
                        .get("data");
                assertThat(members).hasSize(1);
            }
        }
    }

    @Test
    void whenEverySlotStaysTakenEachContractAnswers503WithRetryAfterInItsShape() throws Exception {
        TestOrganization acme = newOrganization();
        Http http = http();
        http.postJson("/v1/groups", "{\"id\":\"ward\",\"name\":\"Ward\"}", acme.bearer());
        var release = new CountDownLatch(1);
        var holding = new ArrayList<Future<?>>();
        try (var others = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = new CountDownLatch(gate.concurrency());
            for (int i = 0; i < gate.concurrency(); i++) {
                OrganizationId organization = OrganizationId.of("holder-" + i);
                holding.add(others.submit(() -> gate.run(organization, () -> {
                    running.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })));
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                var patientUpload = http.post(
                        UPLOAD,
                        new Multipart()
                                .file(
                                        "file",
                                        "p.csv",
                                        "text/csv",
                                        "patient_id,name\np-1,Jane Doe\n".getBytes(StandardCharsets.UTF_8))
                                .field("teamId", acme.id())
                                .field("groupId", "ward"),
                        acme.bearer());
                assertBusy(patientUpload);
                assertThat(patientUpload.json().get("error").asString()).isEqualTo("service_unavailable");
                assertThat(patientUpload.json().get("success").asBoolean()).isFalse();

                var typedCsv = http.post(
                        "/api/v1/csv",
                        new Multipart()
                                .field("type", "medications")
                                .file(
                                        "file",
                                        "meds.csv",
                                        "text/csv",
                                        "PatientRecordId,MedicationName\nR-1,Metformin\n"
                                                .getBytes(StandardCharsets.UTF_8)),
                        acme.apiKey());
                assertBusy(typedCsv);
                assertThat(typedCsv.json().get("error").asString()).isEqualTo("service_unavailable");
                assertThat(typedCsv.json().get("success").asBoolean()).isFalse();

                var document = http.post(
                        "/v1/documents",
                        new Multipart()
                                .field("folder_name", "Labs")
                                .field("patient_mrn", "p-1")
                                .file(
                                        "document",
                                        "lab.pdf",
                                        "application/pdf",
                                        "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)),
                        acme.clientCredentials());
                assertBusy(document);
                assertThat(document.json().get("error").asString()).isEqualTo("service_unavailable");

                var attachments = http.post(
                        "/attachments/bulk",
                        new Multipart()
                                .field("patient_id", "1")
                                .file(
                                        "attachments",
                                        "a.pdf",
                                        "application/pdf",
                                        "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)),
                        acme.tenant());
                assertBusy(attachments);
                assertThat(attachments.json().get("detail").asString()).contains("busy");
            } finally {
                release.countDown();
            }
            for (var one : holding) {
                one.get(10, TimeUnit.SECONDS);
            }
        }
        // With the slots free again, the same upload is stored.
        var again = http.post(
                UPLOAD,
                new Multipart()
                        .file(
                                "file",
                                "p.csv",
                                "text/csv",
                                "patient_id,name\np-1,Jane Doe\n".getBytes(StandardCharsets.UTF_8))
                        .field("teamId", acme.id())
                        .field("groupId", "ward"),
                acme.bearer());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }

    static void assertBusy(Http.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
    }
}
