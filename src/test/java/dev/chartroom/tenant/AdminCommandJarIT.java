package dev.chartroom.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chartroom.support.ApplicationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar target/chartroom.jar admin …} as a user runs it: the packaged jar in a child
 * process, on a data folder of each test's own, so the real start-up path (Spring choosing the
 * command's constructor, the admin profile's logging, the database's lock) is what is tested.
 * Failsafe runs it after {@code package} (pass "jar").
 */
class AdminCommandJarIT {

    private static final Path JAR = Path.of(System.getProperty("chartroom.test.jar", "target/chartroom.jar"))
            .toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("key:\\s+(crk_\\S+)");
    private static final Pattern KEY_ID = Pattern.compile("id:\\s+(\\S+)");

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR)
                .as("the packaged jar (failsafe runs this test after package)")
                .isRegularFile();
    }

    @Test
    void helpPrintsTheUsageOnStdout() {
        Path folder = ApplicationTest.temporaryFolder();
        for (String help : List.of("help", "--help")) {
            var run = admin(folder, help);
            assertThat(run.exit()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("usage: java -jar chartroom.jar admin <command>");
            AdminCommand.VERBS.forEach(verb -> assertThat(run.out()).contains(verb.synopsis()));
        }
        assertThat(folder.resolve("data")).as("help opens no database").doesNotExist();
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageErrorOnStderr() {
        Path folder = ApplicationTest.temporaryFolder();
        var unknown = admin(folder, "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("unknown command 'frobnicate'\nusage: java -jar chartroom.jar admin");

        var none = admin(folder);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("no command given\nusage:");

        var wrongArguments = admin(folder, "create-key");
        assertThat(wrongArguments.exit()).isEqualTo(1);
        assertThat(wrongArguments.err()).isEqualTo("usage: admin create-key <organization-id>\n");
    }

    @Test
    void eachCommandPrintsOnlyWhatItDid() {
        Path folder = ApplicationTest.temporaryFolder();

        var created = admin(folder, "create-organization", "acme", "Acme", "Clinic");
        assertSucceeded(created);
        assertThat(created.out()).isEqualTo("created organization acme (Acme Clinic)\n");

        var issued = admin(folder, "create-key", "acme");
        assertSucceeded(issued);
        var key = KEY.matcher(issued.out());
        var keyId = KEY_ID.matcher(issued.out());
        assertThat(key.find() && keyId.find()).as(issued.out()).isTrue();
        assertThat(issued.out()).contains("client_id:     ci_", "client_secret: cs_");

        var keys = admin(folder, "list-keys", "acme");
        assertSucceeded(keys);
        assertThat(keys.out()).matches(keyId.group(1) + "\t\\S+\tactive\n").doesNotContain(key.group(1));

        var organizations = admin(folder, "list-organizations");
        assertSucceeded(organizations);
        assertThat(organizations.out()).matches("acme\tAcme Clinic\t\\S+\n");

        var revoked = admin(folder, "revoke-key", "acme", keyId.group(1));
        assertSucceeded(revoked);
        assertThat(revoked.out()).isEqualTo("revoked key " + keyId.group(1) + "\n");

        var again = admin(folder, "revoke-key", "acme", keyId.group(1));
        assertThat(again.exit()).as("a refusal").isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("key " + keyId.group(1) + " of organization acme is revoked already\n");
    }

    @Test
    void jsonIsTheAdminApisAnswerAndNothingElse() {
        Path folder = ApplicationTest.temporaryFolder();

        var organization = json(admin(folder, "--json", "create-organization", "acme", "Acme", "Clinic"));
        assertThat(organization.get("id").asString()).isEqualTo("acme");
        assertThat(organization.get("name").asString()).isEqualTo("Acme Clinic");
        assertThat(organization.get("createdAt").asString()).isNotBlank();

        var organizations = json(admin(folder, "list-organizations", "--json")).get("data");
        assertThat(organizations).hasSize(1);
        assertThat(organizations.get(0).get("id").asString()).isEqualTo("acme");

        var key = json(admin(folder, "create-key", "acme", "--json"));
        assertThat(key.get("organizationId").asString()).isEqualTo("acme");
        assertThat(key.get("key").asString()).startsWith("crk_" + key.get("id").asString());
        assertThat(key.get("clientId").asString())
                .isEqualTo("ci_" + key.get("id").asString());
        assertThat(key.get("clientSecret").asString()).startsWith("cs_");

        var keys = json(admin(folder, "list-keys", "acme", "--json")).get("data");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(keys.get(0).get("revokedAt").isNull()).isTrue();
        assertThat(keys.get(0).has("key")).as("no secrets in a listing").isFalse();

        var revoked = json(admin(folder, "revoke-key", "acme", key.get("id").asString(), "--json"));
        assertThat(revoked.get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(revoked.get("revoked").asBoolean()).isTrue();
    }

    @Test
    void aDataFolderInUseByAnotherProcessIsOneLine() throws Exception {
        Path folder = ApplicationTest.temporaryFolder();
        Path data = folder.resolve("data");
        // Holding the embedded database open takes its file lock, as a running Chartroom does.
        try (Connection holder =
                DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("chartroom"), "sa", "")) {
            var run = admin(folder, "list-organizations");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .isEqualTo("the data folder " + data.toAbsolutePath().normalize() + " is in use by another process"
                            + " (a running Chartroom?): stop it first, or use the admin API (CHARTROOM_ADMIN_TOKEN)\n");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLine() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var run = admin(
                ApplicationTest.temporaryFolder(),
                "list-organizations",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/chartroom?password=never-printed");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("cannot use the database jdbc:postgresql://127.0.0.1:" + closedPort + "/chartroom: ")
                .doesNotContain("never-printed");
        assertThat(run.err().lines()).hasSize(1);
    }

    private static void assertSucceeded(Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).as("nothing on stderr").isEmpty();
    }

    /** stdout holds exactly one JSON document. */
    private static JsonNode json(Run run) {
        assertSucceeded(run);
        assertThat(run.out().strip().lines()).as(run.out()).hasSize(1);
        return JSON.readTree(run.out());
    }

    /**
     * Runs {@code java -jar chartroom.jar admin <args>} in {@code folder}, with its data folder
     * {@code folder/data} (CHARTROOM_DATA_DIR) and no other Chartroom or Spring setting from this environment.
     */
    private static Run admin(Path folder, String... args) {
        // C1 only: a one-shot start needs no optimised code, and this halves the CPU each child takes.
        List<String> command =
                new ArrayList<>(List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "admin"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(folder, "stdout", ".txt");
            Path err = Files.createTempFile(folder, "stderr", ".txt");
            var builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment()
                    .keySet()
                    .removeIf(name -> name.startsWith("CHARTROOM_") || name.startsWith("SPRING_"));
            builder.environment()
                    .put("CHARTROOM_DATA_DIR", folder.resolve("data").toString());
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("admin " + String.join(" ", args) + " did not end within 3 minutes");
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exit, String out, String err) {}
}
