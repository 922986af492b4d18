package dev.chartroom.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.TestOrganization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ApiKeyIT extends ApplicationTest {

    @Test
    void everyKeyStyleOfTheSpecAuthenticates() {
        TestOrganization acme = newOrganization();
        var http = http();

        assertThat(http.get("/v1/patients", acme.bearer()).status()).isEqualTo(200);
        assertThat(http.get("/v1/patients", acme.apiKey()).status()).isEqualTo(200);
        assertThat(http.get("/v1/patients", "api-key", acme.key()).status()).isEqualTo(200);
        assertThat(http.get("/v1/patients", acme.tenant()).status()).isEqualTo(200);
        assertThat(http.get("/v1/patients", acme.clientCredentials()).status()).isEqualTo(200);
        assertThat(http.get("/v1/patients", acme.bearer()).json().get("data").isArray())
                .isTrue();
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        TestOrganization acme = newOrganization();
        var http = http();

        var none = http.get("/v1/patients");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asString()).isEqualTo("unauthorized");
        assertThat(http.get("/v1/patients", "Authorization", "Bearer nope").status())
                .isEqualTo(401);
        assertThat(http.get("/v1/patients", "X-API-Key", acme.key() + "0").status())
                .isEqualTo(401);
        String tampered =
                acme.key().substring(0, acme.key().length() - 1) + (acme.key().endsWith("0") ? "1" : "0");
        assertThat(http.get("/v1/patients", "X-API-Key", tampered).status()).isEqualTo(401);
        assertThat(http.get(
                                "/v1/patients",
                                "client_id",
                                acme.clientId(),
                                "client_secret",
                                "cs_" + "0".repeat(64),
                                "access_token",
                                acme.id())
                        .status())
                .isEqualTo(401);
        assertThat(http.get("/v1/patients", "client_id", acme.clientId(), "client_secret", acme.clientSecret())
                        .status())
                .as("access_token is required")
                .isEqualTo(401);
        // The key itself is not a client secret, nor the reverse.
        assertThat(http.get("/v1/patients", "X-API-Key", acme.clientSecret()).status())
                .isEqualTo(401);
    }

    @Test
    void aKeyNamingAnotherOrganizationIs403() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        var http = http();

        var tenant = http.get("/v1/patients", "API-KEY", acme.key(), "TENANT", other.id());
        assertThat(tenant.status()).isEqualTo(403);
        assertThat(tenant.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(http.get(
                                "/v1/patients",
                                "client_id",
                                acme.clientId(),
                                "client_secret",
                                acme.clientSecret(),
                                "access_token",
                                other.id())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        TestOrganization acme = newOrganization();
        var http = http();
        assertThat(http.get("/v1/patients", acme.bearer()).status()).isEqualTo(200);

        var revoked = http.delete(
                "/admin/v1/organizations/" + acme.id() + "/api-keys/" + acme.keyId(),
                "Authorization",
                "Bearer " + ADMIN_TOKEN);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(http.get("/v1/patients", acme.bearer()).status()).isEqualTo(401);
        assertThat(http.get("/v1/patients", acme.clientCredentials()).status()).isEqualTo(401);
        var listed = http.get(
                "/admin/v1/organizations/" + acme.id() + "/api-keys", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(listed.json().get("data").get(0).get("revokedAt").isNull()).isFalse();
        assertThat(listed.text()).doesNotContain(acme.key()).doesNotContain(acme.clientSecret());
    }

    @Test
    void anotherOrganizationCannotRevokeAKey() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();

        var answer = http().delete(
                        "/admin/v1/organizations/" + other.id() + "/api-keys/" + acme.keyId(),
                        "Authorization",
                        "Bearer " + ADMIN_TOKEN);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(http().get("/v1/patients", acme.bearer()).status()).isEqualTo(200);
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        var http = http();
        String body = "{\"id\":\"x-admin\",\"name\":\"X\"}";

        assertThat(http.postJson("/admin/v1/organizations", body).status()).isEqualTo(401);
        assertThat(http.postJson("/admin/v1/organizations", body, "Authorization", "Bearer wrong")
                        .status())
                .isEqualTo(401);
        TestOrganization acme = newOrganization();
        assertThat(http.postJson("/admin/v1/organizations", body, acme.bearer()).status())
                .as("an organization's key is not the admin token")
                .isEqualTo(401);
    }

    @Test
    void organizationsAreValidatedAndUnique() {
        var http = http();
        String[] admin = {"Authorization", "Bearer " + ADMIN_TOKEN};

        assertThat(http.postJson("/admin/v1/organizations", "{\"id\":\"Bad Id\",\"name\":\"X\"}", admin)
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson("/admin/v1/organizations", "{\"id\":\"ok-id-1\"}", admin)
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson("/admin/v1/organizations", "not json", admin).status())
                .isEqualTo(400);
        TestOrganization acme = newOrganization();
        var again = http.postJson("/admin/v1/organizations", "{\"id\":\"" + acme.id() + "\",\"name\":\"X\"}", admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(http.postJson("/admin/v1/organizations/nobody-here/api-keys", "{}", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCreatedKeyShowsItsSecretsOnceAndTheyNeverReachTheLog(CapturedOutput output) {
        TestOrganization acme = newOrganization();
        http().get("/v1/patients", acme.bearer());
        http().get("/v1/patients", acme.clientCredentials());
        http().get("/v1/patients", "Authorization", "Bearer " + acme.key() + "x");

        assertThat(acme.key()).startsWith("crk_").hasSizeGreaterThan(40);
        assertThat(acme.clientId()).startsWith("ci_");
        assertThat(acme.clientSecret()).startsWith("cs_");
        assertThat(output.getAll())
                .doesNotContain(acme.key())
                .doesNotContain(acme.clientSecret())
                .doesNotContain(ADMIN_TOKEN);
    }
}
