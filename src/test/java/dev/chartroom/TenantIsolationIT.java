package dev.chartroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import dev.chartroom.text.Sha256;
import dev.chartroom.webhook.WebhookReceiver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organization B, holding its own valid key, gets nothing of organization A through any operation of
 * the API document: A is filled through every contract, then every operation of /v3/api-docs is
 * called with A's ids (and ids next to them) in its path, A's natural keys in its query and body, and
 * B's credentials in every key style (and B's key acting on A), and A's signed URLs are tampered
 * with. Nothing of A may appear in an answer (its words, its ids, its files), no call on an A id may
 * succeed, nothing may fail with 5xx, and afterwards A reads exactly what it read before.
 */
class TenantIsolationIT extends ApplicationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TYPED_CSV_HEADER = "Office,AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,"
            + "Virtual,AppointmentDate,EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,"
            + "TestStatus,IntakeCharted,PharmacyName";
    static final Pattern SIGNED_QUERY = Pattern.compile("\\?expires=\\d+&signature=[A-Za-z0-9_\\-=%]+");
    static final SecureRandom RANDOM = new SecureRandom();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    final WebhookReceiver receiverA = new WebhookReceiver();
    final WebhookReceiver receiverB = new WebhookReceiver();
    Http http;

    @AfterEach
    void stopReceivers() {
        receiverA.close();
        receiverB.close();
    }

    /** What organization A holds. Words and server-made ids are markers: B must never be shown one it did not send. */
    static final class Holdings {
        final TestOrganization org;
        final String token = letters(10);
        final String tag = Long.toString(100_000 + RANDOM.nextInt(900_000));
        final String group = "ward-" + tag;
        final String staff = "staff-" + tag;
        final String noteId = "note-" + tag;
        final List<String> mrns = List.of("mrn-" + tag + "-1", "mrn-" + tag + "-2", "rec-" + tag + "-3");
        final List<String> appointmentIds = List.of("apt-" + tag + "-1", "apt-" + tag + "-2");
        final Map<String, String> typedCsvFiles = new LinkedHashMap<>();
        final String idempotencyKey = "idem-" + tag;
        final Set<Long> patientIds = new LinkedHashSet<>();
        final Set<Long> caseIds = new LinkedHashSet<>();
        final Set<String> documentIds = new LinkedHashSet<>();
        final Set<String> uploadIds = new LinkedHashSet<>();
        final Set<String> uploadKinds = new LinkedHashSet<>();
        final Set<String> endpointIds = new LinkedHashSet<>();
        final Set<String> deliveryIds = new LinkedHashSet<>();
        final Set<String> eventIds = new LinkedHashSet<>();
        final Set<String> jobIds = new LinkedHashSet<>();
        final Map<String, String> signedUrls = new LinkedHashMap<>();
        final Set<String> fileHashes = new LinkedHashSet<>();
        byte[] patientsCsv;

        Holdings(TestOrganization org) {
            this.org = org;
        }

        String surname() {
            return "Vex" + token;
        }

        /** Strings that are A's alone: its words (all carry the token) and the ids the server made for it. */
        Set<String> markers() {
            var markers = new LinkedHashSet<String>();
            markers.add(token);
            markers.add(org.id());
            markers.add(org.keyId());
            markers.add(org.clientId());
            markers.addAll(documentIds);
            markers.addAll(uploadIds);
            markers.addAll(endpointIds);
            markers.addAll(deliveryIds);
            markers.addAll(eventIds);
            markers.addAll(jobIds);
            return markers;
        }
    }

    /** One way to present credentials; {@code refused}: it must not let B in (no key, or B's key acting on A). */
    record KeyStyle(String name, boolean refused, Function<TestOrganization[], String[]> headers) {}

    static List<KeyStyle> keyStyles() {
        return List.of(
                new KeyStyle("Authorization: Bearer", false, ab -> ab[1].bearer()),
                new KeyStyle("X-API-Key", false, ab -> ab[1].apiKey()),
                new KeyStyle("API-KEY + TENANT", false, ab -> ab[1].tenant()),
                new KeyStyle("client credentials", false, ab -> ab[1].clientCredentials()),
                new KeyStyle("B's key with TENANT of A", true, ab ->
                        new String[] {"API-KEY", ab[1].key(), "TENANT", ab[0].id()}),
                new KeyStyle("B's client credentials with access_token of A", true, ab -> new String[] {
                    "client_id", ab[1].clientId(), "client_secret", ab[1].clientSecret(), "access_token", ab[0].id()
                }),
                new KeyStyle("A's client_id with B's secret", true, ab -> new String[] {
                    "client_id", ab[0].clientId(), "client_secret", ab[1].clientSecret(), "access_token", ab[0].id()
                }),
                new KeyStyle("no credentials", true, ab -> new String[0]));
    }

    /** A value for a path parameter; {@code ofA}: it is one of A's real resources (any success on it is a leak). */
    record Value(String text, boolean ofA) {}

    /** A request body; {@code aimsAtA}: it names one of A's resources by id, so it must be refused. */
    record Body(String label, String json, Function<Holdings, Multipart> form, boolean aimsAtA) {

        static final Body NONE = new Body("no body", null, null, false);

        static Body json(String label, String json) {
            return new Body(label, json, null, false);
        }
    }

    /** What the walk found wrong, and how much it did. */
    static final class Walk {
        final List<String> findings = new ArrayList<>();
        final Set<String> operations = new LinkedHashSet<>();
        int calls;
    }

    @Test
    void anotherOrganizationGetsNothingOfAnyOperation() {
        http = http();
        TestOrganization a = newOrganization();
        Holdings held = fill(a);
        settle(held);
        collect(held);
        assertFilled(held);
        String before = snapshot(held);
        int deliveredToA = receiverA.received().size();

        var walk = new Walk();
        nothingRevealsThatANaturalKeyIsTaken(held, newOrganization(), walk);
        TestOrganization b = newOrganization();
        prepare(b, held);

        OpenAPI document = new OpenAPIV3Parser()
                .readContents(http.get("/v3/api-docs").text(), null, new ParseOptions())
                .getOpenAPI();
        walkEveryOperation(document, held, b, walk);
        tamperWithSignedUrls(held, b, walk);

        settle(held);
        assertThat(snapshot(held)).as("A reads what it read before the walk").isEqualTo(before);
        assertThat(receiverA.received()).as("nothing B did reached A's webhook").hasSize(deliveredToA);
        receiverB
                .received()
                .forEach(r -> inspect(
                        walk, "webhook to B", "", r.body().getBytes(StandardCharsets.UTF_8), Map.of(), null, held));

        long documented =
                walk.operations.stream().filter(name -> name.contains(" /")).count();
        System.out.printf(
                "Tenant isolation: %d operations of /v3/api-docs walked (and A's natural keys, signed URLs), "
                        + "%d calls made, %d leaks found%n  walked: %s%n",
                documented, walk.calls, walk.findings.size(), String.join(", ", walk.operations));
        walk.findings.stream().limit(20).forEach(finding -> System.out.println("  leak: " + finding));
        assertThat(walk.findings).as("leaks and failures").isEmpty();
        assertThat(documented).as("operations of /v3/api-docs walked").isGreaterThanOrEqualTo(30);
        assertThat(walk.calls).isGreaterThan(1000);
    }

    // ---- filling A through every contract ----

    Holdings fill(TestOrganization a) {
        var held = new Holdings(a);
        String surname = held.surname();
        expect(
                201,
                http.send(
                        "POST",
                        "/v1/groups",
                        "application/json",
                        ("{\"id\":\"" + held.group + "\",\"name\":\"Ward " + held.token + "\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        join(a.bearer(), "Idempotency-Key", held.idempotencyKey)));
        expect(
                201,
                http.postJson(
                        "/v1/clinicians",
                        "{\"firstName\":\"Linh\",\"lastName\":\"Doc" + held.token + "\"}",
                        a.apiKey()));
        expect(
                201,
                http.postJson(
                        "/v1/routing-rules",
                        "{\"newConsult\":true,\"agent\":\"agent-" + held.token + "\"}",
                        a.apiKey()));
        expect(
                201,
                http.postJson(
                        "/v1/routing-rules",
                        "{\"newConsult\":false,\"agent\":\"later-" + held.token + "\"}",
                        a.apiKey()));
        expect(
                201,
                http.postJson(
                        "/v1/staff",
                        "{\"id\":\"" + held.staff + "\",\"name\":\"Staff " + held.token + "\"}",
                        a.bearer()));
        expect(201, http.postJson("/v1/webhooks", "{\"url\":\"" + receiverA.url() + "\"}", a.bearer()));

        // The patient upload contract: a CSV of patients, one of their events, a PDF and a text note.
        held.patientsCsv = utf8("patient_id,name,birth_date,diagnosis\n"
                + held.mrns.get(0) + ",Orla " + surname + ",1980-03-12," + held.token + " syndrome\n"
                + held.mrns.get(1) + ",Bram " + surname + ",1975-07-22,Asthma " + held.token + "\n");
        patientUpload(held, "patients.csv", "text/csv", held.patientsCsv);
        patientUpload(
                held,
                "events.csv",
                "text/csv",
                utf8("patient_id,event_id,event_date,event_type,value,unit\n" + held.mrns.get(0)
                        + ",e-1,2026-01-10,SpO2 " + held.token + ",94,%\n"));
        patientUpload(
                held,
                "history-" + held.token + ".pdf",
                "application/pdf",
                TestFiles.pdf(
                        "Clinical history",
                        "Patient: Ines " + surname,
                        "DOB: 1971-11-30",
                        "MRN: 9" + held.tag,
                        "Medications: metformin 850 mg PO BID",
                        "Allergies: penicillin (hives)"));
        patientUpload(
                held,
                "note-" + held.token + ".txt",
                "text/plain",
                utf8("Clinic note\nPatient: Lena " + surname + "\nMRN: 8" + held.tag
                        + "\nMedications: lisinopril 10 mg daily.\nAllergies: latex (rash).\n"));

        // The typed CSV contract, each type, with a row error in each.
        String appointments = TYPED_CSV_HEADER + "\n"
                + "Main," + held.appointmentIds.get(0) + "," + held.mrns.get(0) + ",Scheduled,Doc" + held.token
                + ",true,2026-04-20,10:30,Orla," + surname + ",1980-03-12,(416) 555-0123,true,Pending,false,Pharmacy "
                + held.token + "\n"
                + "Main," + held.appointmentIds.get(1) + "," + held.mrns.get(2) + ",Scheduled,Doc" + held.token
                + ",false,2026-04-21,11:00,Cato," + surname + ",1990-01-01,416-555-0124,false,Pending,false,\n"
                + "Main,apt-" + held.tag + "-9,rec-" + held.tag + "-9,Scheduled,Unknown" + held.token
                + ",true,2026-04-22,11:00,Ida," + surname + ",1977-09-09,416-555-0125,false,Pending,false,\n";
        typedCsv(held, "appointments", appointments);
        typedCsv(
                held,
                "medications",
                "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted,Route\n"
                        + held.mrns.get(0) + ",Metformin,500 mg,,BID,2025-01-01,PO\n"
                        + held.mrns.get(2) + ",Atorvastatin,,20 mg,,2024-06-01,\n"
                        + "nobody-" + held.tag + ",Aspirin,,,,,\n");
        typedCsv(
                held,
                "consult-notes",
                "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate,VPTextId\n"
                        + held.appointmentIds.get(0)
                        + ",\"Allergic to penicillin (hives). Currently taking lisinopril 10 mg PO daily. "
                        + "Seen with " + surname + ".\",Consult " + held.token + ",,1\n"
                        + held.appointmentIds.get(1) + ",\"Uses albuterol inhaler 2 puffs PRN.\",History,,2\n"
                        + "apt-" + held.tag + "-404,\"Taking aspirin 81 mg daily.\",Consult,,3\n");

        // The document-by-MRN contract: one matched to a patient, one waiting for its MRN.
        byte[] scan = TestFiles.pdf("Scan for " + surname, "Potassium 4.1 mmol/L");
        held.fileHashes.add(Sha256.hex(scan));
        for (String mrn : List.of(held.mrns.get(0), "later-" + held.tag)) {
            var answer = expect(
                    200,
                    http.post(
                            "/v1/documents",
                            new Multipart()
                                    .field("folder_name", "Labs/" + held.token)
                                    .field("patient_mrn", mrn)
                                    .file("document", "scan-" + held.token + ".pdf", "application/pdf", scan)
                                    .field("emr_assigned_to_id", held.staff)
                                    .field("notes", "Note " + held.token)
                                    .field("is_reviewed", "true")
                                    .field("is_high_priority", "false"),
                            a.clientCredentials()));
            held.documentIds.add(answer.json().get("document_id").asString());
        }

        // The patient PDF contract and the bulk attachments contract, on A's first patient.
        long first = patientId(held, held.mrns.get(0));
        byte[] record = TestFiles.pdf("Record of " + surname, "Hemoglobin 13.2 g/dL");
        held.fileHashes.add(Sha256.hex(record));
        var pdf = expect(
                201,
                http.post(
                        "/patients/" + first + "/pdf",
                        new Multipart()
                                .file("file", "upload.pdf", "application/pdf", record)
                                .field("filename", "record-" + held.token + ".pdf"),
                        a.apiKey()));
        held.documentIds.add(pdf.json().get("id").asString());
        byte[] photo = TestFiles.png(64, 48);
        held.fileHashes.add(Sha256.hex(photo));
        var attachments = expect(
                200,
                http.post(
                        "/attachments/bulk",
                        new Multipart()
                                .field("patient_id", Long.toString(first))
                                .file("attachments", "wound-" + held.token + ".pdf", "application/pdf", record)
                                .file("attachments", "photo-" + held.token + ".png", "image/png", photo)
                                .field("note_id", held.noteId)
                                .field("names", "[\"Wound " + held.token + "\",\"Photo " + held.token + "\"]")
                                .field("external_ids", "ext-" + held.tag + "-1,ext-" + held.tag + "-2"),
                        a.tenant()));
        attachments
                .json()
                .get("attachments")
                .forEach(attachment -> held.documentIds.add(attachment.get("id").asString()));

        // A dead job: jobs come from the work itself, so one that gave up is written as the queue writes it.
        String job = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                insert into job (id, type, organization_id, payload, status, run_at, attempts, last_error, enqueued_at, updated_at)
                values (:id, 'isolation.probe', :organizationId, '{}', 'dead', :now, 3, :error, :now, :now)
                """)
                .param("id", job)
                .param("organizationId", a.id())
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .param("error", "gave up on " + held.token)
                .update();
        held.jobIds.add(job);
        return held;
    }

    void patientUpload(Holdings held, String fileName, String contentType, byte[] content) {
        held.fileHashes.add(Sha256.hex(content));
        var answer = expect(
                200,
                http.post(
                        "/api/pandora/upload-v2/upload",
                        new Multipart()
                                .file("file", fileName, contentType, content)
                                .field("teamId", held.org.id())
                                .field("groupId", held.group)
                                .field("anonymize", "false"),
                        held.org.bearer()));
        assertThat(answer.json().get("success").asBoolean()).as(answer.text()).isTrue();
    }

    void typedCsv(Holdings held, String type, String csv) {
        String fileName = type + "_" + held.tag + ".csv";
        held.typedCsvFiles.put(type, fileName);
        var answer = expect(
                200,
                http.post(
                        "/api/v1/csv",
                        new Multipart().field("type", type).file("file", fileName, "text/csv", utf8(csv)),
                        held.org.apiKey()));
        assertThat(answer.json().get("message").asString()).isEqualTo("CSV uploaded and processed successfully.");
    }

    long patientId(Holdings held, String mrn) {
        return http.get("/v1/patients?externalId=" + mrn, held.org.bearer())
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asLong();
    }

    /** Waits until A's background work (extraction, documents, webhook deliveries) is done. */
    void settle(Holdings held) {
        await().atMost(WAIT).until(() -> {
            for (String status : List.of("ready", "running")) {
                if (!http.get("/v1/jobs?status=" + status, held.org.bearer())
                        .json()
                        .get("data")
                        .isEmpty()) {
                    return false;
                }
            }
            for (String id : held.documentIds) {
                if ("pending"
                        .equals(http.get("/v1/documents/" + id, held.org.bearer())
                                .json()
                                .get("status")
                                .asString())) {
                    return false;
                }
            }
            return true;
        });
        // Deliveries are jobs too, but the receiver may still be reading the last one.
        int[] seen = {-1};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            int now = receiverA.received().size();
            boolean stable = now == seen[0];
            seen[0] = now;
            return stable;
        });
    }

    /** A's ids as A reads them, and its files' hashes as served. */
    void collect(Holdings held) {
        String[] key = held.org.bearer();
        for (JsonNode patient : http.get("/v1/patients?limit=1000", key).json().get("data")) {
            held.patientIds.add(patient.get("id").asLong());
            for (JsonNode document : http.get(
                            "/v1/patients/" + patient.get("id").asLong(), key)
                    .json()
                    .get("documents")) {
                held.documentIds.add(document.get("id").asString());
            }
        }
        for (JsonNode c : http.get("/v1/cases?limit=500", key).json().get("data")) {
            held.caseIds.add(c.get("id").asLong());
        }
        for (JsonNode upload : http.get("/v1/uploads?limit=500", key).json().get("data")) {
            held.uploadIds.add(upload.get("id").asString());
            held.uploadKinds.add(upload.get("kind").asString());
        }
        for (JsonNode endpoint : http.get("/v1/webhooks", key).json().get("data")) {
            held.endpointIds.add(endpoint.get("id").asString());
            for (JsonNode delivery : http.get(
                            "/v1/webhooks/" + endpoint.get("id").asString() + "/deliveries", key)
                    .json()
                    .get("data")) {
                held.deliveryIds.add(delivery.get("id").asString());
                held.eventIds.add(delivery.get("eventId").asString());
            }
        }
        for (String id : held.documentIds) {
            JsonNode document = http.get("/v1/documents/" + id, key).json();
            held.signedUrls.put(id, document.get("url").asString());
            var content = http.get(document.get("url").asString());
            assertThat(content.status()).as("A downloads its own " + id).isEqualTo(200);
            held.fileHashes.add(Sha256.hex(content.body()));
        }
    }

    void assertFilled(Holdings held) {
        assertThat(held.patientIds).hasSizeGreaterThanOrEqualTo(5);
        assertThat(held.documentIds).hasSizeGreaterThanOrEqualTo(7);
        assertThat(held.caseIds).hasSize(2);
        assertThat(held.uploadIds).hasSizeGreaterThanOrEqualTo(7);
        assertThat(held.deliveryIds).isNotEmpty();
        JsonNode enriched = http.get("/v1/cases/" + held.appointmentIds.get(0), held.org.bearer())
                .json();
        assertThat(enriched.get("medications")).as("case_medication rows of A").isNotEmpty();
        assertThat(enriched.get("allergies")).as("case_allergy rows of A").isNotEmpty();
        assertThat(enriched.get("notes")).as("case_note rows of A").isNotEmpty();
        assertThat(http.get("/v1/uploads?limit=500", held.org.bearer())
                        .json()
                        .get("data")
                        .valueStream()
                        .filter(u -> !u.get("errors").isEmpty())
                        .count())
                .as("upload_row_error rows of A")
                .isGreaterThanOrEqualTo(3);
    }

    /** Everything A can read of itself, with the signed URLs' expiring parts left out. */
    String snapshot(Holdings held) {
        String[] key = held.org.bearer();
        var parts = new TreeMap<String, String>();
        for (String path : List.of(
                "/v1/patients?limit=1000",
                "/v1/cases?limit=500",
                "/v1/uploads?limit=500",
                "/v1/groups",
                "/v1/staff",
                "/v1/clinicians",
                "/v1/routing-rules",
                "/v1/webhooks",
                "/v1/jobs?status=dead")) {
            parts.put(path, http.get(path, key).text());
        }
        held.patientIds.forEach(id -> parts.put(
                "/v1/patients/" + id, http.get("/v1/patients/" + id, key).text()));
        held.documentIds.forEach(id -> parts.put(
                "/v1/documents/" + id, http.get("/v1/documents/" + id, key).text()));
        held.endpointIds.forEach(id -> parts.put(
                "deliveries " + id,
                http.get("/v1/webhooks/" + id + "/deliveries", key).text()));
        held.signedUrls.forEach(
                (id, url) -> parts.put("file " + id, Sha256.hex(http.get(url).body())));
        parts.put(
                "api keys",
                http.get(
                                "/admin/v1/organizations/" + held.org.id() + "/api-keys",
                                "Authorization",
                                "Bearer " + ADMIN_TOKEN)
                        .text());
        var text = new StringBuilder();
        parts.forEach((name, value) -> text.append(name)
                .append(" = ")
                .append(SIGNED_QUERY.matcher(value).replaceAll("?signed"))
                .append('\n'));
        return text.toString();
    }

    // ---- B ----

    /**
     * A taken natural key (a group id, a typed CSV file name, the same patient file, an Idempotency-Key)
     * behaves for another organization (C, kept apart from B) as if it were free: a refusal or a
     * replay would tell that A has it.
     */
    void nothingRevealsThatANaturalKeyIsTaken(Holdings held, TestOrganization c, Walk walk) {
        var group = http.send(
                "POST",
                "/v1/groups",
                "application/json",
                utf8("{\"id\":\"other-" + held.tag + "\",\"name\":\"Ward of C\"}"),
                join(c.bearer(), "Idempotency-Key", held.idempotencyKey));
        check(
                walk,
                group.status() == 201 && group.text().contains("Ward of C"),
                "A's Idempotency-Key answered C with " + group);
        var sameGroup =
                http.postJson("/v1/groups", "{\"id\":\"" + held.group + "\",\"name\":\"Ward of C\"}", c.bearer());
        check(walk, sameGroup.status() == 201, "A's group id is taken for C: " + sameGroup);
        expect(201, http.postJson("/v1/clinicians", "{\"firstName\":\"Cy\",\"lastName\":\"Nguyen\"}", c.apiKey()));
        expect(201, http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"c-agent\"}", c.apiKey()));
        Map<String, String> headers = Map.of(
                "appointments",
                TYPED_CSV_HEADER,
                "medications",
                "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted",
                "consult-notes",
                "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate");
        for (var file : held.typedCsvFiles.entrySet()) {
            var answer = http.post(
                    "/api/v1/csv",
                    new Multipart()
                            .field("type", file.getKey())
                            .file("file", file.getValue(), "text/csv", utf8(headers.get(file.getKey()) + "\n")),
                    c.apiKey());
            check(
                    walk,
                    answer.text().contains("CSV uploaded and processed successfully."),
                    "A's typed CSV file name " + file.getKey() + " is known to C: " + answer);
        }
        var sameFile = http.post(
                "/api/pandora/upload-v2/upload",
                new Multipart()
                        .file("file", "patients.csv", "text/csv", held.patientsCsv)
                        .field("teamId", c.id())
                        .field("groupId", held.group),
                c.bearer());
        check(
                walk,
                sameFile.status() == 200
                        && !held.uploadIds.contains(
                                sameFile.json().get("uploadId").asString()),
                "the same patient file as A's answered C with A's upload: " + sameFile);
        walk.calls += 4 + held.typedCsvFiles.size();
        walk.operations.add("natural keys of A");
    }

    /** B's own configuration and data, so that its contracts accept B's uploads that name A's natural keys. */
    void prepare(TestOrganization b, Holdings held) {
        expect(201, http.postJson("/v1/groups", "{\"id\":\"" + held.group + "\",\"name\":\"Ward of B\"}", b.bearer()));
        expect(201, http.postJson("/v1/clinicians", "{\"firstName\":\"Bea\",\"lastName\":\"Nguyen\"}", b.apiKey()));
        expect(201, http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"b-agent\"}", b.apiKey()));
        expect(201, http.postJson("/v1/routing-rules", "{\"newConsult\":false,\"agent\":\"b-agent\"}", b.apiKey()));
        expect(201, http.postJson("/v1/webhooks", "{\"url\":\"" + receiverB.url() + "\"}", b.bearer()));
        TestPatients.create(http, b, held.mrns.get(0), "Bea", "Bystander");
    }

    // ---- the walk ----

    void walkEveryOperation(OpenAPI document, Holdings held, TestOrganization b, Walk walk) {
        var ab = new TestOrganization[] {held.org, b};
        var paths = new TreeMap<>(document.getPaths());
        paths.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            walk.operations.add(method + " " + path);
            boolean open =
                    operation.getSecurity() != null && operation.getSecurity().isEmpty();
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            List<String> pathNames = new ArrayList<>();
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (names.find()) {
                pathNames.add(names.group(1));
            }
            List<Parameter> query =
                    parameters.stream().filter(p -> "query".equals(p.getIn())).toList();
            for (Map<String, Value> combination : combinations(path, pathNames, held, b)) {
                String resolved = path;
                boolean ofA = false;
                for (var entry : combination.entrySet()) {
                    resolved = resolved.replace(
                            "{" + entry.getKey() + "}", encode(entry.getValue().text()));
                    ofA |= entry.getValue().ofA();
                }
                List<String> queries = new ArrayList<>();
                queries.add("");
                for (Parameter parameter : query) {
                    queries.add("?" + parameter.getName() + "=" + encode(queryValue(path, parameter.getName(), held)));
                }
                for (String q : queries) {
                    for (Body body : bodies(method, path, operation, held)) {
                        for (KeyStyle style : keyStyles()) {
                            call(walk, held, ab, method, resolved + q, body, style, ofA || body.aimsAtA(), open);
                        }
                    }
                }
            }
        }));
    }

    void call(
            Walk walk,
            Holdings held,
            TestOrganization[] ab,
            PathItem.HttpMethod method,
            String target,
            Body body,
            KeyStyle style,
            boolean ofA,
            boolean open) {
        String[] headers = style.headers().apply(ab);
        String label = method + " " + target + " [" + style.name() + ", " + body.label() + "]";
        var sent = new StringBuilder(target).append(String.join(" ", headers));
        Http.Response answer;
        if (body.form() != null) {
            Multipart form = body.form().apply(held);
            byte[] bytes = form.bytes();
            sent.append(new String(bytes, StandardCharsets.ISO_8859_1));
            answer = http.send(method.name(), target, form.contentType(), bytes, headers);
        } else if (body.json() != null) {
            sent.append(body.json());
            answer = http.send(method.name(), target, "application/json", utf8(body.json()), headers);
        } else {
            answer = http.send(method.name(), target, null, null, headers);
        }
        walk.calls++;
        inspect(walk, label, sent.toString(), answer.body(), answer.headers(), target, held);
        if (answer.status() >= 500) {
            walk.findings.add(label + ": " + answer.status() + " " + excerpt(answer));
        } else if ((ofA || (style.refused() && !open)) && answer.status() < 400) {
            walk.findings.add(label + ": answered " + answer.status() + " " + excerpt(answer));
        }
    }

    /** Records a leak when the answer shows anything of A that the request itself did not carry. */
    void inspect(
            Walk walk,
            String label,
            String sent,
            byte[] body,
            Map<String, List<String>> headers,
            String target,
            Holdings held) {
        String text = (new String(body, StandardCharsets.UTF_8) + " " + headers.values()).toLowerCase(Locale.ROOT);
        String carried = sent.toLowerCase(Locale.ROOT);
        for (String marker : held.markers()) {
            String m = marker.toLowerCase(Locale.ROOT);
            if (text.contains(m) && !carried.contains(m)) {
                walk.findings.add(label + ": answer shows A's " + (marker.equals(held.token) ? "words" : marker));
            }
        }
        if (body.length > 0 && held.fileHashes.contains(Sha256.hex(body))) {
            walk.findings.add(label + ": answer is one of A's files");
        }
        if (target != null && body.length > 0 && body[0] == '{') {
            try {
                numericIds(walk, label, carried, JSON.readTree(body), rootKind(target), held);
            } catch (RuntimeException notJson) {
                // Not JSON after all: the text checks above are all there is to check.
            }
        }
    }

    /** A's patient and case ids are numbers, so they are checked where a number means a patient or a case. */
    void numericIds(Walk walk, String label, String carried, JsonNode node, String kind, Holdings held) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> numericIds(walk, label, carried, element, kind, held));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (var property : node.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            String leafKind = switch (key) {
                case "id" -> kind;
                case "patient_id", "patientId" -> "patient";
                case "case_id", "caseId" -> "case";
                case "subjectId" -> "subject";
                default -> null;
            };
            if (leafKind != null && (value.isNumber() || value.isString())) {
                String number = value.asString();
                boolean isA = switch (leafKind) {
                    case "patient" ->
                        held.patientIds.stream()
                                .anyMatch(id -> Long.toString(id).equals(number));
                    case "case" ->
                        held.caseIds.stream().anyMatch(id -> Long.toString(id).equals(number));
                    case "subject" ->
                        held.patientIds.stream()
                                        .anyMatch(id -> Long.toString(id).equals(number))
                                || held.appointmentIds.contains(number);
                    default -> false;
                };
                if (isA && !carried.contains(number)) {
                    walk.findings.add(label + ": answer shows A's " + leafKind + " " + number);
                }
            }
            String inner = switch (key) {
                case "patient" -> "patient";
                case "cases" -> "case";
                case "data" -> kind;
                default -> null;
            };
            numericIds(walk, label, carried, value, inner, held);
        }
    }

    static String rootKind(String target) {
        if (target.startsWith("/v1/patients") || target.startsWith("/patients/")) {
            return "patient";
        }
        return target.startsWith("/v1/cases") ? "case" : null;
    }

    /** The values each path parameter takes: A's real ids of that kind, ids next to them, and guesses. */
    List<Map<String, Value>> combinations(String path, List<String> names, Holdings held, TestOrganization b) {
        List<Map<String, Value>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (String name : names) {
            List<Map<String, Value>> next = new ArrayList<>();
            for (Map<String, Value> partial : all) {
                for (Value value : values(path, name, held, b)) {
                    var more = new LinkedHashMap<>(partial);
                    more.put(name, value);
                    next.add(more);
                }
            }
            all = next;
        }
        return all;
    }

    List<Value> values(String path, String name, Holdings held, TestOrganization b) {
        List<String> numbers = null;
        List<String> strings = null;
        if (path.startsWith("/files/")) {
            return switch (name) {
                case "organizationId" -> List.of(new Value(held.org.id(), true), new Value(b.id(), false));
                case "variant" -> List.of(new Value("content", false), new Value("thumbnail", false));
                default -> guessed(List.copyOf(held.documentIds), false);
            };
        }
        if (name.toLowerCase(Locale.ROOT).contains("delivery")) {
            strings = List.copyOf(held.deliveryIds);
        } else if (path.startsWith("/admin/")) {
            strings =
                    name.toLowerCase(Locale.ROOT).contains("key") ? List.of(held.org.keyId()) : List.of(held.org.id());
        } else if (path.startsWith("/v1/webhooks")) {
            strings = List.copyOf(held.endpointIds);
        } else if (path.startsWith("/v1/jobs")) {
            strings = List.copyOf(held.jobIds);
        } else if (path.startsWith("/v1/uploads")) {
            strings = List.copyOf(held.uploadIds);
        } else if (path.startsWith("/v1/documents")) {
            strings = List.copyOf(held.documentIds);
        } else if (path.startsWith("/v1/cases")) {
            // An AppointmentId is the organization's own key: B's uploads above made B cases with A's,
            // which B may read. A's ids appearing in what B reads is still caught by inspect().
            var values = guessed(held.caseIds.stream().map(String::valueOf).toList(), false);
            held.appointmentIds.forEach(id -> values.add(new Value(id, false)));
            return values;
        } else if (path.contains("patient")) {
            numbers = held.patientIds.stream().map(String::valueOf).toList();
        } else {
            // A path this test does not know yet: every id A has.
            var every = new ArrayList<>(held.markers());
            every.remove(held.token);
            every.addAll(held.patientIds.stream().map(String::valueOf).toList());
            strings = every;
        }
        return numbers != null ? guessed(numbers, true) : guessed(strings, false);
    }

    /** A's ids, then ids one step away from them and plain guesses. */
    static List<Value> guessed(List<String> ids, boolean numeric) {
        var values = new ArrayList<Value>();
        ids.forEach(id -> values.add(new Value(id, true)));
        if (numeric) {
            ids.stream().limit(3).forEach(id -> values.add(new Value(Long.toString(Long.parseLong(id) + 1), false)));
            List.of("0", "-1", "999999999", "1e3").forEach(v -> values.add(new Value(v, false)));
        } else {
            ids.stream()
                    .limit(3)
                    .forEach(id -> values.add(
                            new Value(id.substring(0, id.length() - 1) + (id.endsWith("0") ? "1" : "0"), false)));
            List.of("1", "nonexistent").forEach(v -> values.add(new Value(v, false)));
        }
        return values;
    }

    String queryValue(String path, String name, Holdings held) {
        return switch (name) {
            case "externalId", "patientExternalId" -> held.mrns.get(0);
            case "group" -> held.group;
            case "appointmentId" -> held.appointmentIds.get(0);
            case "status" -> path.startsWith("/v1/jobs") ? "dead" : "active";
            case "fileName" -> held.typedCsvFiles.get("appointments");
            case "kind" -> held.uploadKinds.iterator().next();
            case "subjectType" -> "patient";
            case "subjectId" -> Long.toString(held.patientIds.iterator().next());
            case "cursor" -> "0";
            case "limit" -> "1000";
            case "expires" -> Long.toString(Instant.now().getEpochSecond() + 3000);
            case "signature" -> signatureOf(held.signedUrls.values().iterator().next());
            default -> held.token;
        };
    }

    /** What B sends to each operation that takes a body: its own data, naming A's natural keys and ids. */
    List<Body> bodies(PathItem.HttpMethod method, String path, Operation operation, Holdings held) {
        if (operation.getRequestBody() == null) {
            return List.of(Body.NONE);
        }
        long patientOfA = held.patientIds.iterator().next();
        byte[] pdf = TestFiles.pdf("B's own file", "Sodium 140 mmol/L");
        return switch (path) {
            case "/api/pandora/upload-v2/upload" ->
                List.of(new Body(
                        "patients naming A's MRNs",
                        null,
                        h -> new Multipart()
                                .file(
                                        "file",
                                        "patients.csv",
                                        "text/csv",
                                        utf8("patient_id,name,birth_date\n" + h.mrns.get(0) + ",B Patient,1999-01-01\n"
                                                + h.mrns.get(1) + ",B Second,1999-02-02\n"))
                                .field("teamId", h.org.id())
                                .field("groupId", h.group),
                        false));
            case "/api/v1/csv" ->
                List.of(
                        new Body(
                                "appointments naming A's ids",
                                null,
                                h -> typedCsvForm(
                                        "appointments",
                                        TYPED_CSV_HEADER + "\n"
                                                + "Main," + h.appointmentIds.get(0) + "," + h.mrns.get(0)
                                                + ",Scheduled,Nguyen,true,2026-04-20,10:30,B,Patient,1999-01-01,,true,Pending,false,\n"),
                                false),
                        new Body(
                                "medications naming A's MRNs",
                                null,
                                h -> typedCsvForm(
                                        "medications",
                                        "PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\n" + h.mrns.get(0)
                                                + ",Warfarin,5 mg,,,\n" + h.mrns.get(2) + ",Warfarin,5 mg,,,\n"),
                                false),
                        new Body(
                                "consult notes naming A's appointments",
                                null,
                                h -> typedCsvForm(
                                        "consult-notes",
                                        "AppointmentId,VPText,CategoryNameReport,CategoryNameTemplate\n"
                                                + h.appointmentIds.get(0) + ",\"Taking warfarin 5 mg daily.\",B,\n"
                                                + h.appointmentIds.get(1) + ",\"Allergic to sulfa.\",B,\n"),
                                false));
            case "/v1/documents" ->
                List.of(new Body(
                        "document for A's MRN",
                        null,
                        h -> new Multipart()
                                .field("folder_name", "B")
                                .field("patient_mrn", h.mrns.get(1))
                                .file("document", "b.pdf", "application/pdf", pdf)
                                .field("emr_assigned_to_id", h.staff)
                                .field("notes", "B"),
                        false));
            case "/attachments/bulk" ->
                List.of(new Body(
                        "attachments to A's patient",
                        null,
                        h -> new Multipart()
                                .field("patient_id", Long.toString(patientOfA))
                                .file("attachments", "b.pdf", "application/pdf", pdf)
                                .field("note_id", h.noteId)
                                .field("external_ids", "ext-" + h.tag + "-1"),
                        true));
            case "/patients/{patient_id}/pdf", "/patients/{patient_id}/pdf/" ->
                List.of(new Body(
                        "PDF",
                        null,
                        h -> new Multipart()
                                .file("file", "b.pdf", "application/pdf", pdf)
                                .field("filename", "b.pdf"),
                        false));
            case "/v1/groups" ->
                List.of(Body.json("group with A's id", "{\"id\":\"" + held.group + "\",\"name\":\"B\"}"));
            case "/v1/staff" ->
                List.of(Body.json("staff with A's id", "{\"id\":\"" + held.staff + "\",\"name\":\"B\"}"));
            case "/v1/clinicians" -> List.of(Body.json("clinician", "{\"firstName\":\"B\",\"lastName\":\"Nguyen\"}"));
            case "/v1/routing-rules" ->
                List.of(Body.json("routing rule", "{\"newConsult\":true,\"agent\":\"b-agent\"}"));
            case "/v1/webhooks" -> List.of(Body.json("endpoint", "{\"url\":\"" + receiverB.url() + "\"}"));
            default ->
                operation.getRequestBody().getContent().containsKey("multipart/form-data")
                        ? List.of(new Body(
                                "form naming A's ids",
                                null,
                                h -> new Multipart()
                                        .field("patient_id", Long.toString(patientOfA))
                                        .field("id", h.documentIds.iterator().next()),
                                false))
                        : List.of(Body.json("{}", "{}"));
        };
    }

    static Multipart typedCsvForm(String type, String csv) {
        return new Multipart()
                .field("type", type)
                .file("file", type + "_b_" + RANDOM.nextInt(1_000_000) + ".csv", "text/csv", utf8(csv));
    }

    /** A's signed URLs changed every way a holder of one, or of B's, might try. */
    void tamperWithSignedUrls(Holdings held, TestOrganization b, Walk walk) {
        long patientOfB = patientIdOf(b);
        var mine = http.post(
                "/patients/" + patientOfB + "/pdf",
                new Multipart()
                        .file("file", "b.pdf", "application/pdf", TestFiles.pdf("B's own file"))
                        .field("filename", "b.pdf"),
                b.apiKey());
        String urlOfB = mine.json().get("url").asString();
        String documentOfB = mine.json().get("id").asString();
        walk.operations.add("signed URLs");
        List<String> documents = List.copyOf(held.documentIds);
        var tampered = new ArrayList<String>();
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.get(i);
            String url = held.signedUrls.get(document);
            String other = documents.get((i + 1) % documents.size());
            String signature = signatureOf(url);
            String expires = url.replaceAll(".*expires=(\\d+).*", "$1");
            tampered.add(url.replace("/" + held.org.id() + "/", "/" + b.id() + "/"));
            tampered.add(url.replace("/" + document + "/", "/" + other + "/"));
            tampered.add(url.replace("/content?", "/thumbnail?"));
            tampered.add(url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 86_400)));
            tampered.add(url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) - 7200)));
            tampered.add(url.replace(signature, flip(signature)));
            tampered.add(url.replace("&signature=" + signature, ""));
            tampered.add(url.replace(signature, ""));
            tampered.add(url.replace(signature, signature.toUpperCase(Locale.ROOT)));
            tampered.add(url.substring(0, url.indexOf('?')));
            tampered.add(urlOfB.replace("/" + documentOfB + "/", "/" + document + "/"));
            tampered.add(urlOfB.replace("/" + b.id() + "/", "/" + held.org.id() + "/")
                    .replace("/" + documentOfB + "/", "/" + document + "/"));
            tampered.add(urlOfB.replace(
                    "/" + b.id() + "/" + documentOfB + "/",
                    "/" + b.id() + "/" + documentOfB + "%2F..%2F..%2F" + held.org.id() + "%2F" + document + "/"));
            tampered.add(urlOfB.replace(signatureOf(urlOfB), signature));
        }
        for (String url : tampered) {
            for (KeyStyle style : keyStyles()) {
                var answer = http.get(url, style.headers().apply(new TestOrganization[] {held.org, b}));
                walk.calls++;
                String label = "tampered signed URL [" + style.name() + "]";
                inspect(walk, label, url, answer.body(), answer.headers(), null, held);
                if (answer.status() < 400 || answer.status() >= 500) {
                    walk.findings.add(label + ": answered " + answer.status());
                }
            }
        }
        var untouched = http.get(held.signedUrls.values().iterator().next());
        assertThat(untouched.status())
                .as("the untampered URL still works, so the refusals above mean something")
                .isEqualTo(200);
    }

    long patientIdOf(TestOrganization b) {
        return http.get("/v1/patients", b.bearer())
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asLong();
    }

    // ---- small helpers ----

    static void check(Walk walk, boolean holds, String finding) {
        if (!holds) {
            walk.findings.add(finding);
        }
    }

    static Http.Response expect(int status, Http.Response answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        return answer;
    }

    static String signatureOf(String url) {
        return url.replaceAll(".*signature=([^&]+).*", "$1");
    }

    static String flip(String signature) {
        char last = signature.charAt(signature.length() - 1);
        return signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    static String excerpt(Http.Response answer) {
        String text = answer.text();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String[] join(String[] headers, String... more) {
        var all = new ArrayList<>(List.of(headers));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String letters(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }
}
