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
            var http = first.http();
            assertThat(http.get("/v1/groups", "Authorization", "Bearer " + key).json().get("data").get(0).get("id").asString())
                    .isEqualTo("default");
            assertThat(http.postJson("/admin/v1/organizations", "{\"id\":\"x\",\"name\":\"x\"}").status())
                    .as("no admin token: the admin API is closed").isEqualTo(403);
        }
        int printedSoFar = output.getAll().length();

        try (var second = RunningChartroom.start(data, noAdminToken)) {
            assertThat(KEY.matcher(output.getAll().substring(printedSoFar)).find()).as("printed only once").isFalse();
            assertThat(second.http().get("/v1/patients", "X-API-Key", key).status()).isEqualTo(200);
        }
    }

    @Test
    void noDemoOrganizationWhenAnAdminTokenIsSet(CapturedOutput output) {
        Map<String, String> settings = new java.util.HashMap<>(TestDatabase.isolated("demo_with_token"));
        settings.put("chartroom.admin-token", ApplicationTest.ADMIN_TOKEN);
        try (var running = RunningChartroom.start(ApplicationTest.temporaryFolder(), settings)) {
            assertThat(KEY.matcher(output.getAll()).find()).isFalse();
            assertThat(running.bean(Organizations.class).find("demo")).isEmpty();
        }
    }
}
