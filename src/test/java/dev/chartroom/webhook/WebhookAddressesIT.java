package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.RunningChartroom;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With private addresses not allowed (the production default), internal URLs are refused at
 * registration. Only literals and localhost are used: nothing is looked up or connected to.
 */
class WebhookAddressesIT {

    private static RunningChartroom chartroom;

    @BeforeAll
    static void start() {
        chartroom = RunningChartroom.start(
                ApplicationTest.temporaryFolder(),
                Map.of(
                        "chartroom.admin-token", ApplicationTest.ADMIN_TOKEN,
                        "chartroom.webhooks.allow-private-addresses", "false",
                        "chartroom.jobs.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        chartroom.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/",
                "http://10.0.0.1/",
                "http://localhost/",
                "http://127.0.0.1:8080/x",
                "http://[::1]/",
                "http://[fd00:ec2::254]/latest",
                "http://192.168.0.10/",
                "http://0.0.0.0/",
                "http://[::ffff:169.254.169.254]/"
            })
    void internalAddressesAreRefusedAtRegistration(String url) {
        var acme = ApplicationTest.newOrganization(chartroom.http());

        var answer = chartroom.http().postJson("/v1/webhooks", "{\"url\":\"" + url + "\"}", acme.bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_url");
        assertThat(answer.json().get("message").asString()).contains("public addresses only");
        assertThat(chartroom.http().get("/v1/webhooks", acme.bearer()).json().get("data"))
                .isEmpty();
    }

    @Test
    void aPublicAddressIsAccepted() {
        var acme = ApplicationTest.newOrganization(chartroom.http());

        var answer =
                chartroom.http().postJson("/v1/webhooks", "{\"url\":\"https://93.184.216.34/hooks\"}", acme.bearer());

        assertThat(answer.status()).isEqualTo(201);
    }
}
