package dev.chartroom.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The command-line admin operations, against the same stores the admin API uses. */
class AdminCommandIT extends ApplicationTest {

    @Autowired
    Onboarding onboarding;

    @Autowired
    Organizations organizations;

    @Autowired
    ApiKeys keys;

    @Autowired
    JsonMapper json;

    @Test
    void createsAnOrganizationAndAKeyThatWorksThenRevokesIt() {
        String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(run("admin", "create-organization", id, "Cli", "Clinic").exit())
                .isZero();
        var created = run("admin", "create-key", id);
        assertThat(created.exit()).isZero();
        var key = Pattern.compile("key:\\s+(crk_\\S+)").matcher(created.out());
        var keyId = Pattern.compile("id:\\s+(\\S+)").matcher(created.out());
        assertThat(key.find() && keyId.find()).isTrue();

        assertThat(organizations.find(OrganizationId.of(id)).orElseThrow().name())
                .isEqualTo("Cli Clinic");
        assertThat(http().get("/v1/patients", "X-API-Key", key.group(1)).status())
                .isEqualTo(200);
        assertThat(run("admin", "list-keys", id).out()).contains(keyId.group(1)).doesNotContain(key.group(1));

        assertThat(run("admin", "revoke-key", id, keyId.group(1)).exit()).isZero();
        assertThat(http().get("/v1/patients", "X-API-Key", key.group(1)).status())
                .isEqualTo(401);
        assertThat(run("admin", "revoke-key", id, keyId.group(1)).exit()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheApiRefusesInOneLine() {
        String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(run("admin", "create-organization", id, "Cli").exit()).isZero();

        assertRefused(run("admin", "create-organization", "Not Valid", "X"), "id: use 1 to 64 lowercase letters");
        assertRefused(run("admin", "create-organization", id, "Again"), "exists already");
        assertRefused(run("admin", "create-key", "no-such-organization"), "no organization no-such-organization");
        assertRefused(run("admin", "create-key", id, "extra"), "usage: admin create-key <organization-id>");
        assertRefused(run("admin", "revoke-key", id, "no-such-key"), "has no key no-such-key");
        assertRefused(run("admin", "frobnicate"), "unknown command 'frobnicate'");
    }

    @Test
    void printsTheAdminApisAnswerAsJson() {
        String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        var created = json.readTree(
                run(true, "admin", "create-organization", id, "Json", "Clinic").out());
        assertThat(created.get("id").asString()).isEqualTo(id);
        assertThat(created.get("name").asString()).isEqualTo("Json Clinic");

        var key = json.readTree(run(true, "admin", "create-key", id).out());
        assertThat(key.get("key").asString()).startsWith("crk_");
        assertThat(key.get("clientSecret").asString()).startsWith("cs_");
        var listed = json.readTree(run(true, "admin", "list-keys", id).out()).get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(listed.get(0).has("key")).isFalse();
    }

    private static void assertRefused(Result result, String message) {
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(message);
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    /** The command as the command line runs it (its words after {@code admin}), on this test's context. */
    private Result run(String... args) {
        return run(false, args);
    }

    private Result run(boolean asJson, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var words = java.util.Arrays.asList(args).subList(1, args.length);
        int exit = new AdminCommand(onboarding, organizations, keys, json)
                .run(
                        words,
                        asJson,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {}
}
