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

/** The command-line admin operations, against the same stores the admin API uses. */
class AdminCommandIT extends ApplicationTest {

    @Autowired
    Onboarding onboarding;
    @Autowired
    Organizations organizations;
    @Autowired
    ApiKeys keys;

    @Test
    void createsAnOrganizationAndAKeyThatWorksThenRevokesIt() {
        String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(run("admin", "create-organization", id, "Cli", "Clinic").exit()).isZero();
        var created = run("admin", "create-key", id);
        assertThat(created.exit()).isZero();
        var key = Pattern.compile("key:\\s+(crk_\\S+)").matcher(created.out());
        var keyId = Pattern.compile("id:\\s+(\\S+)").matcher(created.out());
        assertThat(key.find() && keyId.find()).isTrue();

        assertThat(organizations.find(id).orElseThrow().name()).isEqualTo("Cli Clinic");
        assertThat(http().get("/v1/patients", "X-API-Key", key.group(1)).status()).isEqualTo(200);
        assertThat(run("admin", "list-keys", id).out()).contains(keyId.group(1)).doesNotContain(key.group(1));

        assertThat(run("admin", "revoke-key", id, keyId.group(1)).exit()).isZero();
        assertThat(http().get("/v1/patients", "X-API-Key", key.group(1)).status()).isEqualTo(401);
        assertThat(run("admin", "revoke-key", id, keyId.group(1)).exit()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheApiRefuses() {
        assertThat(run("admin").exit()).isEqualTo(2);
        assertThat(run("admin", "frobnicate").exit()).isEqualTo(2);
        assertThat(run("admin", "create-organization", "Not Valid", "X").exit()).isEqualTo(1);
        assertThat(run("admin", "create-key", "no-such-organization").exit()).isEqualTo(1);
    }

    private Result run(String... args) {
        var out = new ByteArrayOutputStream();
        int exit = new AdminCommand(onboarding, organizations, keys, new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out) {
    }
}
