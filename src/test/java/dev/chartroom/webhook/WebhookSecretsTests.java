package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretsTests {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static WebhookSecrets withKey(String key) {
        var properties = new WebhookProperties(
                false,
                Duration.ofSeconds(5),
                4,
                Duration.ofHours(6),
                Duration.ofHours(24),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                key);
        return new WebhookSecrets(null, properties);
    }

    private final WebhookSecrets secrets = withKey(KEY);

    @Test
    void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
        String sealed = secrets.seal("endpoint-1", SECRET);

        assertThat(sealed).startsWith("v1:").doesNotContain("MfKQ9r8GKYqr").hasSizeLessThan(400);
        assertThat(secrets.open("endpoint-1", sealed)).isEqualTo(SECRET);
        assertThat(secrets.seal("endpoint-1", SECRET))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretMovedToAnotherEndpointOrUnderAnotherKeyDoesNotOpen() {
        String sealed = secrets.seal("endpoint-1", SECRET);

        assertThatThrownBy(() -> secrets.open("endpoint-2", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() ->
                        withKey("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=").open("endpoint-1", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretStoredInTheClearIsReadAsItIs() {
        assertThat(secrets.open("endpoint-1", SECRET)).isEqualTo(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "c2hvcnQ="})
    void aKeyThatIsNotBase64Of32BytesStopsTheStart(String key) {
        assertThatThrownBy(() -> withKey(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chartroom.webhooks.secret-key");
    }
}
