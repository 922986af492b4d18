package dev.chartroom.caseflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.TestOrganization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationIT extends ApplicationTest {

    @Test
    void cliniciansAreStoredPerOrganization() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        var http = http();

        var created = http.postJson(
                "/v1/clinicians", "{\"firstName\":\"Ada\",\"lastName\":\"Okafor\",\"active\":true}", acme.apiKey());
        http.postJson("/v1/clinicians", "{\"firstName\":\"Ben\",\"lastName\":\"Ng\",\"active\":false}", acme.apiKey());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").isNumber()).isTrue();
        var listed = http.get("/v1/clinicians", acme.apiKey()).json().get("data");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("lastName").asString()).isEqualTo("Ng");
        assertThat(listed.get(0).get("active").asBoolean()).isFalse();
        assertThat(listed.get(1).get("active").asBoolean()).isTrue();
        assertThat(http.get("/v1/clinicians", other.apiKey()).json().get("data"))
                .isEmpty();
    }

    @Test
    void staffMembersAreAddedAndUpdatedById() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        var http = http();

        assertThat(http.postJson("/v1/staff", "{\"id\":\"s-1\",\"name\":\"Dana Cruz\"}", acme.bearer())
                        .status())
                .isEqualTo(201);
        var updated = http.postJson(
                "/v1/staff", "{\"id\":\"s-1\",\"name\":\"Dana M. Cruz\",\"active\":false}", acme.bearer());

        assertThat(updated.json().get("name").asString()).isEqualTo("Dana M. Cruz");
        var listed = http.get("/v1/staff", acme.bearer()).json().get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("active").asBoolean()).isFalse();
        assertThat(http.get("/v1/staff", other.bearer()).json().get("data")).isEmpty();
    }

    @Test
    void aRoutingRulePerNewConsultValueReplacesTheLast() {
        TestOrganization acme = newOrganization();
        var http = http();

        http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"new-patient-intake\"}", acme.tenant());
        http.postJson("/v1/routing-rules", "{\"newConsult\":false,\"agent\":\"follow-up\"}", acme.tenant());
        var replaced =
                http.postJson("/v1/routing-rules", "{\"newConsult\":true,\"agent\":\"intake-2\"}", acme.tenant());

        assertThat(replaced.status()).isEqualTo(201);
        var rules = http.get("/v1/routing-rules", acme.tenant()).json().get("data");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("newConsult").asBoolean()).isTrue();
        assertThat(rules.get(0).get("agent").asString()).isEqualTo("intake-2");
        assertThat(http.get("/v1/routing-rules", newOrganization().tenant())
                        .json()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void groupsStartWithDefaultAndRefuseDuplicates() {
        TestOrganization acme = newOrganization();
        var http = http();

        assertThat(http.get("/v1/groups", acme.bearer())
                        .json()
                        .get("data")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo("default");
        assertThat(http.postJson("/v1/groups", "{\"id\":\"ward-1\",\"name\":\"Ward 1\"}", acme.bearer())
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson("/v1/groups", "{\"id\":\"ward-1\",\"name\":\"Again\"}", acme.bearer())
                        .status())
                .isEqualTo(409);
        assertThat(http.get("/v1/groups", acme.bearer()).json().get("data")).hasSize(2);
        assertThat(http.get("/v1/groups", newOrganization().bearer()).json().get("data"))
                .hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /v1/groups         | {"id":"","name":"x"}
            /v1/groups         | {"id":"a b","name":"x"}
            /v1/groups         | {"id":"g"}
            /v1/clinicians     | {"firstName":"Ada"}
            /v1/clinicians     | {"firstName":"","lastName":"X"}
            /v1/staff          | {"name":"No Id"}
            /v1/staff          | {"id":"has space","name":"X"}
            /v1/routing-rules  | {"agent":"x"}
            /v1/routing-rules  | {"newConsult":true}
            /v1/routing-rules  | {"newConsult":"maybe","agent":"x"}
            /v1/routing-rules  | [1,2]
            """)
    void invalidConfigurationIs400(String path, String body) {
        var answer = http().postJson(path, body, newOrganization().bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_request");
    }

    @ParameterizedTest
    @CsvSource({"/v1/groups", "/v1/clinicians", "/v1/staff", "/v1/routing-rules", "/v1/patients"})
    void configurationNeedsAKey(String path) {
        assertThat(http().get(path).status()).isEqualTo(401);
        assertThat(http().postJson(path, "{}").status()).isIn(401, 405);
    }
}
