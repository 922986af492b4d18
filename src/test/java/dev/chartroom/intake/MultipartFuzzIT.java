package dev.chartroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.TestDatabase;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mutated multipart requests to each of the five contracts, over real HTTP on the database of the
 * run: random part names, file parts where text is expected and the reverse, NUL, unpaired
 * surrogates and invalid UTF-8 in text fields, wrong and broken content types, truncated and
 * missing boundaries, duplicate and missing parts, empty files, huge names and values, and form
 * bodies with broken percent-escapes. Whatever is sent, the answer is never a 5xx (503 only with
 * Retry-After), and an error is in the endpoint's own shape. The mutations come from a fixed seed,
 * so a failure names the request that reproduces it.
 */
class MultipartFuzzIT extends ApplicationTest {

    static final int REQUESTS_PER_CONTRACT = 70;

    /** One part of a form; fileName null for a text field; contentType null for none. */
    record Part(String name, String fileName, String contentType, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }

        Part named(String newName) {
            return new Part(newName, fileName, contentType, content);
        }

        Part holding(byte[] newContent) {
            return new Part(name, fileName, contentType, newContent);
        }
    }

    /**
     * A contract: where it is, how its caller authenticates, a request it accepts, its error shape,
     * one of its text fields, and the status it answers a malformed request with (400; the bulk
     * attachments answer as FastAPI validation does, 422).
     */
    record Contract(
            String name,
            String path,
            String[] headers,
            List<Part> parts,
            Predicate<JsonNode> errorShape,
            String textField,
            int refusal) {

        List<Part> with(Part replacement) {
            return parts.stream()
                    .map(p -> p.name().equals(replacement.name()) ? replacement : p)
                    .toList();
        }
    }

    /** A request as sent, and the mutations that made it (for the failure message). */
    record Mutated(String contentType, byte[] body, List<String> mutations) {}

    Http http;
    TestOrganization acme;
    long patientId;

    @BeforeEach
    void organization() {
        http = http();
        acme = newOrganization();
        http.postJson("/v1/groups", "{\"id\":\"ward-1\",\"name\":\"Ward 1\"}", acme.bearer());
        patientId = TestPatients.create(http, acme, "123456", "Jane", "Doe");
    }

    Contract patientUpload() {
        return new Contract(
                "patient upload",
                "/api/pandora/upload-v2/upload",
                acme.bearer(),
                List.of(
                        Part.file(
                                "file",
                                "patients.csv",
                                "text/csv",
                                "patient_id,name\np-1,Jane Roe\n".getBytes(StandardCharsets.UTF_8)),
                        Part.field("teamId", acme.id()),
                        Part.field("groupId", "ward-1"),
                        Part.field("anonymize", "false"),
                        Part.field("columns", "{\"patient_id\":\"patient_id\"}")),
                MultipartFuzzIT::successErrorMessage,
                "groupId",
                400);
    }

    Contract typedCsv() {
        return new Contract(
                "typed CSV",
                "/api/v1/csv",
                acme.apiKey(),
                List.of(
                        Part.field("type", "medications"),
                        Part.file(
                                "file",
                                "medications.csv",
                                "text/csv",
                                ("PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted\n"
                                                + "P-1,Metformin,1 tab,500 mg,1 tab PO BID,2025-01-01\n")
                                        .getBytes(StandardCharsets.UTF_8))),
                MultipartFuzzIT::successErrorMessage,
                "type",
                400);
    }

    Contract documents() {
        return new Contract(
                "document upload",
                "/v1/documents",
                acme.clientCredentials(),
                List.of(
                        Part.field("folder_name", "MedicalRecords/Labs"),
                        Part.field("patient_mrn", "123456"),
                        Part.file("document", "lab.pdf", "application/pdf", TestFiles.pdf("Lab report")),
                        Part.field("is_reviewed", "false"),
                        Part.field("notes", "fuzzed"),
                        Part.field("is_high_priority", "true")),
                MultipartFuzzIT::successErrorMessage,
                "patient_mrn",
                400);
    }

    Contract attachments() {
        return new Contract(
                "bulk attachments",
                "/attachments/bulk",
                acme.tenant(),
                List.of(
                        Part.field("patient_id", Long.toString(patientId)),
                        Part.file("attachments", "a.pdf", "application/pdf", TestFiles.pdf("Attachment")),
                        Part.file("attachments", "b.png", "image/png", TestFiles.png(20, 10)),
                        Part.field("names", "[\"Lab\",\"Photo\"]"),
                        Part.field("external_ids", "ext-1,ext-2"),
                        Part.field("note_id", "note-1")),
                MultipartFuzzIT::fastApiDetail,
                "external_ids",
                422);
    }

    Contract patientPdf() {
        return new Contract(
                "patient PDF",
                "/patients/" + patientId + "/pdf",
                acme.apiKey(),
                List.of(
                        Part.file("file", "upload.pdf", "application/pdf", TestFiles.pdf("Discharge summary")),
                        Part.field("filename", "summary.pdf")),
                MultipartFuzzIT::detailText,
                "filename",
                400);
    }

    List<Contract> contracts() {
        return List.of(patientUpload(), typedCsv(), documents(), attachments(), patientPdf());
    }

    @Test
    void patientUploadAnswersEveryMutatedFormInItsShape() {
        fuzz(patientUpload());
    }

    @Test
    void typedCsvAnswersEveryMutatedFormInItsShape() {
        fuzz(typedCsv());
    }

    @Test
    void documentUploadAnswersEveryMutatedFormInItsShape() {
        fuzz(documents());
    }

    @Test
    void attachmentsAnswerEveryMutatedFormInTheirShape() {
        fuzz(attachments());
    }

    @Test
    void patientPdfAnswersEveryMutatedFormInItsShape() {
        fuzz(patientPdf());
    }

    // ---- What the fuzzing found: each was a 500 ----

    /** Spring cannot bind a file part to a text parameter (MethodArgumentConversionNotSupportedException). */
    @Test
    void aFilePartWhereTextIsExpectedIsRefusedInTheContractsShape() {
        for (Contract contract : contracts()) {
            var form = contract.with(
                    Part.file(contract.textField(), "field.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
            var answer = send(contract, "multipart/form-data; boundary=b", render(form, "b"));
            assertThat(answer.status()).as(contract.name() + ": " + answer).isEqualTo(contract.refusal());
            assertThat(contract.errorShape().test(answer.json()))
                    .as(contract.name() + ": " + answer)
                    .isTrue();
            assertThat(answer.text())
                    .as(contract.name())
                    .contains(contract.textField())
                    .contains("not a file");
        }
    }

    /** Tomcat refuses to decode the parameters (InvalidParameterException) when the Spring argument resolver asks for them. */
    @Test
    void aFormBodyWithBrokenPercentEscapesIsRefusedInTheContractsShape() {
        for (Contract contract : contracts()) {
            byte[] body = (contract.textField() + "=%zz&other=%E0%A4%A").getBytes(StandardCharsets.US_ASCII);
            var answer = send(contract, "application/x-www-form-urlencoded", body);
            assertThat(answer.status()).as(contract.name() + ": " + answer).isEqualTo(contract.refusal());
            assertThat(contract.errorShape().test(answer.json()))
                    .as(contract.name() + ": " + answer)
                    .isTrue();
            assertThat(answer.text()).as(contract.name()).contains("percent-escape");
        }
    }

    /** PostgreSQL refuses a NUL in a text column: the document upload stored patient_mrn as sent and failed. */
    @Test
    void aNulInATextFieldIsRefusedInTheContractsShape() {
        for (Contract contract : contracts()) {
            var form = contract.with(Part.field(contract.textField(), "12\u00003456"));
            var answer = send(contract, "multipart/form-data; boundary=b", render(form, "b"));
            assertThat(answer.status()).as(contract.name() + ": " + answer).isEqualTo(contract.refusal());
            assertThat(contract.errorShape().test(answer.json()))
                    .as(contract.name() + ": " + answer)
                    .isTrue();
            assertThat(answer.text()).as(contract.name()).contains("NUL");
        }
        var documents = documents();
        var nulInNotes = send(
                documents,
                "multipart/form-data; boundary=b",
                render(documents.with(Part.field("notes", "a\u0000")), "b"));
        assertThat(nulInNotes.status()).as(nulInNotes.toString()).isEqualTo(400);
        var nulInFileName = send(
                documents,
                "multipart/form-data; boundary=b",
                render(
                        documents.with(
                                Part.file("document", "lab\u0000.pdf", "application/pdf", TestFiles.pdf("Lab report"))),
                        "b"));
        assertThat(nulInFileName.status()).as(nulInFileName.toString()).isEqualTo(400);
        assertThat(successErrorMessage(nulInFileName.json())).isTrue();
    }

    private Http.Response send(Contract contract, String contentType, byte[] body) {
        return http.postRaw(contract.path(), contentType, body, contract.headers());
    }

    private void fuzz(Contract contract) {
        // A fixed seed per contract and database: the same requests on every run, others on the other database.
        long seed = contract.name().hashCode() * 31L + (TestDatabase.postgres() ? 1 : 0);
        var random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < REQUESTS_PER_CONTRACT; i++) {
            Mutated request = mutate(random, contract.parts());
            Http.Response answer = send(contract, request.contentType(), request.body());
            String problem = problem(contract, answer);
            if (problem != null) {
                failures.add("#" + i + " " + request.mutations() + " (Content-Type " + request.contentType() + "): "
                        + problem);
            } else if (answer.status() < 300) {
                accepted++;
            }
        }
        assertThat(failures)
                .as(contract.name() + ", seed " + seed + ", " + accepted + " accepted")
                .isEmpty();
    }

    /** What is wrong with an answer, or null when it keeps the rules. */
    private static String problem(Contract contract, Http.Response answer) {
        String excerpt = answer.text().length() > 300 ? answer.text().substring(0, 300) + "…" : answer.text();
        if (answer.status() >= 500 && !(answer.status() == 503 && answer.header("Retry-After") != null)) {
            return answer.status() + " " + excerpt;
        }
        JsonNode body;
        try {
            body = answer.json();
        } catch (RuntimeException notJson) {
            return answer.status() + " not JSON: " + excerpt;
        }
        if (body == null || !body.isObject()) {
            return answer.status() + " not a JSON object: " + excerpt;
        }
        if (answer.status() >= 400 && !contract.errorShape().test(body)) {
            return answer.status() + " not in the contract's error shape: " + excerpt;
        }
        return null;
    }

    /** {@code {"success":false,"error":"<code>","message":"…"}}. */
    static boolean successErrorMessage(JsonNode body) {
        return body.path("success").isBoolean()
                && !body.path("success").asBoolean()
                && body.path("error").isString()
                && !body.path("error").asString().isBlank()
                && body.path("message").isString()
                && !body.path("message").asString().isBlank()
                && body.size() == 3;
    }

    /** {@code {"detail":"…"}}. */
    static boolean detailText(JsonNode body) {
        return body.size() == 1
                && body.path("detail").isString()
                && !body.path("detail").asString().isBlank();
    }

    /** FastAPI's {@code {"detail":"…"}} or {@code {"detail":[{"loc":[…],"msg":"…","type":"…"}]}}. */
    static boolean fastApiDetail(JsonNode body) {
        if (detailText(body)) {
            return true;
        }
        JsonNode detail = body.path("detail");
        if (body.size() != 1 || !detail.isArray() || detail.isEmpty()) {
            return false;
        }
        for (JsonNode problem : detail) {
            if (!problem.path("loc").isArray()
                    || !problem.path("msg").isString()
                    || !problem.path("type").isString()) {
                return false;
            }
        }
        return true;
    }

    // ---- The mutations ----

    private static final String[] CONTENT_TYPES = {
        "text/html",
        "application/x-msdownload",
        "application/pdf",
        "image/png",
        "text/csv; charset=utf-16",
        "application/octet-stream; charset=bogus",
        "",
        "multipart/mixed; boundary=x",
        "text/plain; charset=\"",
        "*/*"
    };
    private static final String[] FILE_NAMES = {
        "../../etc/passwd",
        "..\\..\\boot.ini",
        "",
        " ",
        ".csv",
        "a\"b.pdf",
        "CON.pdf",
        "x.pdf\u0000.exe",
        "dossier-é-ü-漢字.pdf",
        "\u202Egnp.pdf",
        "name;filename=evil.csv",
        "%2e%2e%2fpasswd.csv",
        "a".repeat(600) + ".csv",
        "new\r\nline.pdf"
    };
    /** Raw bytes for text fields: NUL, a CESU-8 unpaired surrogate, invalid UTF-8, a UTF-16 BOM, control bytes, RTL. */
    private static final byte[][] HOSTILE_TEXT = {
        {0},
        {'a', 0, 'b'},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF, 'x'},
        {(byte) 0xFF, (byte) 0xFE},
        {(byte) 0xC3},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {0x1B, '[', '2', 'J'},
        "\u202E\u0301\uFEFF".getBytes(StandardCharsets.UTF_8),
        {'\r', '\n', '-', '-'},
        "%00%zz%E0%A4%A".getBytes(StandardCharsets.US_ASCII),
        "' OR 1=1 --".getBytes(StandardCharsets.US_ASCII)
    };

    private static Mutated mutate(Random random, List<Part> valid) {
        List<Part> parts = new ArrayList<>(valid);
        List<String> applied = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count; m++) {
            mutatePart(random, parts, applied);
        }
        String boundary = "----fuzz" + Long.toHexString(random.nextLong());
        byte[] body = render(parts, boundary);
        String contentType = "multipart/form-data; boundary=" + boundary;
        // A third of the requests also break the envelope.
        if (random.nextInt(3) == 0) {
            switch (random.nextInt(9)) {
                case 0 -> {
                    int cut = random.nextInt(Math.max(1, body.length));
                    body = Arrays.copyOf(body, cut);
                    applied.add("truncated at " + cut);
                }
                case 1 -> {
                    body = Arrays.copyOf(body, Math.max(0, body.length - boundary.length() - 6));
                    applied.add("no closing boundary");
                }
                case 2 -> {
                    contentType = "multipart/form-data; boundary=" + boundary.substring(0, boundary.length() / 2);
                    applied.add("wrong boundary");
                }
                case 3 -> {
                    contentType = "multipart/form-data";
                    applied.add("no boundary");
                }
                case 4 -> {
                    contentType = "application/x-www-form-urlencoded";
                    body = urlEncodedWithBrokenEscapes(random, valid);
                    applied.add("form body with broken percent-escapes");
                }
                case 5 -> {
                    contentType = new String[] {
                                "text/plain",
                                "application/json",
                                null,
                                "multipart/form-data; boundary=\"",
                                "multipart/form-data; boundary=" + boundary + "; charset=bogus"
                            }
                            [random.nextInt(5)];
                    applied.add("content type " + contentType);
                }
                case 6 -> {
                    body = flipBytes(random, body);
                    applied.add("flipped bytes");
                }
                case 7 -> {
                    body = new byte[0];
                    applied.add("empty body");
                }
                default -> {
                    contentType = "multipart/form-data; boundary=" + "b".repeat(100 + random.nextInt(200));
                    applied.add("long unused boundary");
                }
            }
        }
        return new Mutated(contentType, body, applied);
    }

    private static void mutatePart(Random random, List<Part> parts, List<String> applied) {
        if (parts.isEmpty()) {
            parts.add(Part.field(randomName(random), "x"));
            applied.add("a random field");
            return;
        }
        int index = random.nextInt(parts.size());
        Part part = parts.get(index);
        switch (random.nextInt(13)) {
            case 0 -> {
                String name = randomName(random);
                parts.set(index, part.named(name));
                applied.add("renamed " + part.name() + " to " + printable(name));
            }
            case 1 -> {
                if (part.fileName() == null) {
                    parts.set(index, new Part(part.name(), "field.txt", "text/plain", part.content()));
                    applied.add("file part for field " + part.name());
                } else {
                    parts.set(index, new Part(part.name(), null, null, "just text".getBytes(StandardCharsets.UTF_8)));
                    applied.add("text field for file " + part.name());
                }
            }
            case 2 -> {
                byte[] hostile = HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
                parts.set(
                        index,
                        part.holding(insert(
                                random,
                                part.fileName() == null ? part.content() : "v".getBytes(StandardCharsets.UTF_8),
                                hostile)));
                applied.add("hostile text " + Arrays.toString(hostile) + " in " + part.name());
            }
            case 3 -> {
                String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                parts.set(index, new Part(part.name(), part.fileName(), type, part.content()));
                applied.add("content type '" + type + "' on " + part.name());
            }
            case 4 -> {
                parts.add(random.nextInt(parts.size() + 1), part);
                applied.add("duplicate " + part.name());
            }
            case 5 -> {
                parts.set(index, part.holding(new byte[0]));
                applied.add("empty " + part.name());
            }
            case 6 -> {
                String name = "n".repeat(1_000 + random.nextInt(70_000));
                parts.add(Part.field(name, "x"));
                applied.add("field name of " + name.length() + " characters");
            }
            case 7 -> {
                int length = 1_000 + random.nextInt(200_000);
                byte[] value = new byte[length];
                Arrays.fill(value, (byte) 'v');
                parts.set(index, part.holding(value));
                applied.add(length + " bytes in " + part.name());
            }
            case 8 -> {
                parts.remove(index);
                applied.add("without " + part.name());
            }
            case 9 -> {
                String fileName = FILE_NAMES[random.nextInt(FILE_NAMES.length)];
                parts.set(
                        index,
                        new Part(
                                part.name(),
                                fileName,
                                part.contentType() == null ? "text/plain" : part.contentType(),
                                part.content()));
                applied.add("file name " + printable(fileName) + " on " + part.name());
            }
            case 10 -> {
                parts.set(index, part.holding(flipBytes(random, part.content())));
                applied.add("flipped bytes in " + part.name());
            }
            case 11 -> {
                parts.set(index, part.named(""));
                applied.add("empty name for " + part.name());
            }
            default -> {
                byte[] content = part.content();
                parts.set(
                        index,
                        part.holding(Arrays.copyOf(content, content.length == 0 ? 0 : random.nextInt(content.length))));
                applied.add("cut " + part.name());
            }
        }
    }

    private static byte[] render(List<Part> parts, String boundary) {
        var body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(part.name())
                    .append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** The contract's fields as a urlencoded form, some values with escapes that decode to nothing valid. */
    private static byte[] urlEncodedWithBrokenEscapes(Random random, List<Part> parts) {
        String[] broken = {"%", "%z", "%zz", "%E0%A4%A", "%ED%A0%80", "%00", "%C3", "%%", "%FF%FE", "+%2"};
        StringBuilder form = new StringBuilder();
        for (Part part : parts) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(part.name())
                    .append('=')
                    .append(broken[random.nextInt(broken.length)])
                    .append("v");
        }
        if (random.nextBoolean()) {
            form.append("&=&&%zz=1&").append(broken[random.nextInt(broken.length)]);
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String randomName(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "file[]";
            case 2 -> "FILE";
            case 3 -> "ümlaut-名前";
            case 4 -> "a\"b";
            default -> Long.toString(random.nextLong(), 36);
        };
    }

    private static byte[] insert(Random random, byte[] content, byte[] inserted) {
        int at = content.length == 0 ? 0 : random.nextInt(content.length + 1);
        byte[] result = new byte[content.length + inserted.length];
        System.arraycopy(content, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(content, at, result, at + inserted.length, content.length - at);
        return result;
    }

    private static byte[] flipBytes(Random random, byte[] content) {
        byte[] flipped = content.clone();
        for (int i = 0; i < 1 + flipped.length / 64 && flipped.length > 0; i++) {
            flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
        }
        return flipped;
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        return "'" + shown.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
