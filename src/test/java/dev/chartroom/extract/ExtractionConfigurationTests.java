package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings bind as documented and choose the extractor; no application boot needed. */
class ExtractionConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExtractionProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class, ExtractionConfiguration.class);

    @Test
    void theBuiltInExtractorIsTheDefault() {
        context.run(started -> {
            var properties = started.getBean(ExtractionProperties.class);
            assertThat(properties.provider()).isEqualTo(ExtractionProperties.Provider.BUILTIN);
            assertThat(properties.openai().timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(started.getBean(ClinicalExtractor.class)).isInstanceOf(RuleBasedExtractor.class);
        });
    }

    @Test
    void theOpenAiProviderIsChosenByConfiguration() {
        context.withPropertyValues(
                        "chartroom.extraction.provider=openai",
                        "chartroom.extraction.openai.base-url=http://127.0.0.1:9/v1",
                        "chartroom.extraction.openai.model=m",
                        "chartroom.extraction.openai.api-key=secret",
                        "chartroom.extraction.openai.timeout=5s")
                .run(started -> {
                    var properties = started.getBean(ExtractionProperties.class);
                    assertThat(properties.openai().timeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.toString()).doesNotContain("secret");
                    assertThat(started.getBean(ClinicalExtractor.class)).isInstanceOf(OpenAiCompatibleExtractor.class);
                });
    }

    @Test
    void theOpenAiProviderWithoutABaseUrlFailsAtStartup() {
        context.withPropertyValues("chartroom.extraction.provider=openai", "chartroom.extraction.openai.model=m")
                .run(started -> assertThat(started).hasFailed());
    }
}
