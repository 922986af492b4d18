package dev.chartroom.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.RunningChartroom;
import dev.chartroom.support.TestOrganization;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What was stored survives a restart: organizations, keys, configuration. */
class RestartIT {

    @Test
    void keysAndConfigurationSurviveARestart() {
        Path data = ApplicationTest.temporaryFolder();
        Map<String, String> settings = Map.of("chartroom.admin-token", ApplicationTest.ADMIN_TOKEN);
        TestOrganization acme;
        try (var first = RunningChartroom.start(data, settings)) {
            acme = ApplicationTest.newOrganization(first.http());
            first.http().postJson("/v1/groups", "{\"id\":\"ward-9\",\"name\":\"Ward 9\"}", acme.bearer());
        }

        try (var second = RunningChartroom.start(data, settings)) {
            var http = second.http();
            assertThat(http.get("/v1/patients", acme.apiKey()).status()).isEqualTo(200);
            assertThat(http.get("/v1/groups", acme.apiKey()).json().get("data").toString())
                    .contains("ward-9");
        }
    }
}
