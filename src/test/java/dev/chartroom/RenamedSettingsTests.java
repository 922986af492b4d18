package dev.chartroom;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class RenamedSettingsTests {

    @Test
    void anOldNameStopsTheStartAndNamesTheNewOne() {
        var environment = new MockEnvironment().withProperty("chartroom.webhooks.give-up-after", "2h");

        assertThatThrownBy(() -> new RenamedSettings(environment).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chartroom.webhooks.retry-give-up-after");
    }

    @Test
    void anOldNameSetAsAnEnvironmentVariableIsFoundToo() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-env", Map.of("CHARTROOM_IDEMPOTENCY_ANSWERS_KEPT", "1h")));

        assertThatThrownBy(() -> new RenamedSettings(environment).afterPropertiesSet())
                .hasMessageContaining("chartroom.idempotency.answer-ttl");
    }

    @Test
    void theNewNamesStartAsUsual() {
        var environment = new MockEnvironment().withProperty("chartroom.webhooks.retry-give-up-after", "2h");

        assertThatCode(() -> new RenamedSettings(environment).afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
