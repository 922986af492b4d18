package dev.chartroom.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DemoOrganizationIT {

    private static final Pattern KEY = Pattern.compile("crk_[a-z0-9]{16}_[0-9a-f]{64}");
    /** A WARN line of the starting thread (background threads of other tests' contexts may share this output). */
    private static final Pattern MAIN_THREAD_WARNING = Pattern.compile("^\\S+\\s+WARN .*\\[\\s*main\\]");

    @Test
    void aFirstStartWithoutAdminTokenCreatesTheDemoOrganizationAndPrintsItsKeyOnce(CapturedOutput output) {
        // Needs an empty database: the embedded one in a fresh data folder, or a PostgreSQL
        // database of its own (the run's shared one has organizations already).
        Path data = ApplicationTest.temporaryFolder();
        Map<String, String> noAdminToken = new java.util.HashMap<>(TestDatabase.isolated("demo_first_start"));
        noAdminToken.put("chartroom.admin-token", "");

        String key;
        try (var first = RunningChartroom.start(data, noAdminToken)) {
            var printed = KEY.matcher(output.getAll());
            assertThat(printed.find()).as("the demo key is printed").isTrue();
            key = printed.group();
            assertThat(output.getAll())
                    .as("at INFO, framed, in every credential style, with a first request")
                    .containsPattern("INFO .*DemoOrganization +: \n=+ Chartroom demo organization =+\n")
                    .contains(
                            "Authorization: Bearer " + key,
                            "X-API-Key: " + key,
                            "API-KEY: " + key + "   with   TENANT: demo")
                    .containsPattern("client_id: ci_[a-z0-9]{16}   client_secret: cs_[0-9a-f]{64}   access_token: demo")
                    .contains(
                            "KEY=" + key,
                            "curl -X POST http://localhost:" + first.port() + "/api/pandora/upload-v2/upload");
            assertThat(output.getAll().lines().filter(MAIN_THREAD_WARNING.asPredicate()))
                    .as("a clean first start warns of nothing")
                    .isEmpty();
            var http = first.http();
            assertThat(http.get("/v1/groups", "Authorization", "Bearer " + key)
                            .json()
                            .get("data")
                            .get(0)
                            .get("id")
                            .asString())
                    .isEqualTo("default");
            assertThat(http.postJson("/admin/v1/organizations", "{\"id\":\"x\",\"name\":\"x\"}")
                            .status())
                    .as("no admin token: the admin API is closed")
                    .isEqualTo(403);
        }
        int printedSoFar = output.getAll().length();

        try (var second = RunningChartroom.start(data, noAdminToken)) {
            String secondStart = output.getAll().substring(printedSoFar);
            assertThat(KEY.matcher(secondStart).find()).as("printed only once").isFalse();
            assertThat(secondStart).contains("No demo organization: the database has organizations already.");
            assertThat(second.http().get("/v1/patients", "X-API-Key", key).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void noDemoOrganizationWhenAnAdminTokenIsSet(CapturedOutput output) {
        Map<String, String> settings = new java.util.HashMap<>(TestDatabase.isolated("demo_with_token"));
        settings.put("chartroom.admin-token", ApplicationTest.ADMIN_TOKEN);
        try (var running = RunningChartroom.start(ApplicationTest.temporaryFolder(), settings)) {
            assertThat(KEY.matcher(output.getAll()).find()).isFalse();
            assertThat(output.getAll()).containsPattern("INFO .*No demo organization: an admin token is set");
            assertThat(running.bean(Organizations.class).find(OrganizationId.of("demo")))
                    .isEmpty();
        }
    }
}
