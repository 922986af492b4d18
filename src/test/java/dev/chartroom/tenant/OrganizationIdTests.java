package dev.chartroom.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The organization id every module carries: never blank, and a plain string wherever it is written. */
class OrganizationIdTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void nullAndBlankAreRefused(String value) {
        assertThatThrownBy(() -> new OrganizationId(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrganizationId.of(value)).isInstanceOf(IllegalArgumentException.class);
        assertThat(OrganizationId.parse(value)).isEmpty();
    }

    @Test
    void equalIdsAreEqualAndPrintAsTheirValue() {
        var acme = OrganizationId.of("acme");

        assertThat(acme).isEqualTo(new OrganizationId("acme")).hasSameHashCodeAs(new OrganizationId("acme"));
        assertThat(acme).isNotEqualTo(OrganizationId.of("other"));
        assertThat(acme.value()).isEqualTo("acme");
        assertThat(acme).hasToString("acme");
        assertThat(OrganizationId.parse("acme")).contains(acme);
    }

    record Carrier(OrganizationId organizationId, String name) {}

    @Test
    void jsonHasThePlainString() {
        var acme = OrganizationId.of("acme");

        assertThat(json.writeValueAsString(acme)).isEqualTo("\"acme\"");
        assertThat(json.writeValueAsString(new Carrier(acme, "Acme")))
                .isEqualTo("{\"organizationId\":\"acme\",\"name\":\"Acme\"}");
        assertThat(json.writeValueAsString(Map.of("id", acme))).isEqualTo("{\"id\":\"acme\"}");
        assertThat(json.readValue("\"acme\"", OrganizationId.class)).isEqualTo(acme);
        assertThat(json.readValue("{\"organizationId\":\"acme\",\"name\":\"Acme\"}", Carrier.class))
                .isEqualTo(new Carrier(acme, "Acme"));
    }
}
