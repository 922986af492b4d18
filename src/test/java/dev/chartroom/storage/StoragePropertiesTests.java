package dev.chartroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** chartroom.storage.* as Spring binds it: the defaults, and each setting that is refused at start. */
class StoragePropertiesTests {

    @Test
    void theDefaultIsTheFileSystem() {
        var properties = bind(Map.of());
        assertThat(properties.type()).isEqualTo("filesystem");
        assertThat(properties.s3Selected()).isFalse();
        assertThat(properties.s3().region()).isEqualTo("us-east-1");
        assertThat(properties.s3().partSize().toMegabytes()).isEqualTo(8);
        assertThat(properties.s3().presign()).isFalse();
        assertThat(properties.s3().pathStyleAccess()).isFalse();
    }

    @Test
    void s3SettingsBind() {
        var properties = bind(Map.of(
                "chartroom.storage.type",
                "s3",
                "chartroom.storage.s3.endpoint",
                "http://127.0.0.1:9000",
                "chartroom.storage.s3.bucket",
                "b",
                "chartroom.storage.s3.access-key",
                "k",
                "chartroom.storage.s3.secret-key",
                "s",
                "chartroom.storage.s3.server-side-encryption",
                "aws:kms",
                "chartroom.storage.s3.part-size",
                "16MB",
                "chartroom.storage.s3.path-style-access",
                "true"));
        assertThat(properties.s3Selected()).isTrue();
        assertThat(properties.s3().endpoint()).hasToString("http://127.0.0.1:9000");
        assertThat(properties.s3().partSize().toMegabytes()).isEqualTo(16);
        assertThat(properties.s3().pathStyleAccess()).isTrue();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("chartroom.storage.type", "gcs"), "filesystem or s3"),
                Arguments.of(Map.of("chartroom.storage.s3.part-size", "4MB"), "between 5MB and 1GB"),
                Arguments.of(Map.of("chartroom.storage.s3.part-size", "2GB"), "between 5MB and 1GB"),
                Arguments.of(Map.of("chartroom.storage.s3.server-side-encryption", "rot13"), "AES256 or aws:kms"),
                Arguments.of(Map.of("chartroom.storage.s3.access-key", "k"), "go together"),
                Arguments.of(Map.of("chartroom.storage.s3.secret-key", "s"), "go together"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(Map<String, String> settings, String message) {
        assertThatThrownBy(() -> bind(settings)).rootCause().hasMessageContaining(message);
    }

    private static StorageProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("chartroom.storage", StorageProperties.class);
    }
}
