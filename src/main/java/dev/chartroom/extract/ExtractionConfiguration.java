package dev.chartroom.extract;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's {@link ClinicalExtractor}, as {@link ExtractionProperties} choose it. */
@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    @Bean
    ClinicalExtractor clinicalExtractor(ExtractionProperties properties) {
        var builtin = ClinicalExtractor.builtin();
        return switch (properties.provider()) {
            case BUILTIN -> builtin;
            case OPENAI ->
                new OpenAiCompatibleExtractor(
                        properties.openai(),
                        HttpClient.newBuilder()
                                .connectTimeout(properties.openai().timeout())
                                .build(),
                        builtin);
        };
    }
}
