package dev.chartroom.extract;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the extract module ({@code chartroom.extraction.*}).
 *
 * @param provider who extracts: {@code builtin} (offline rules) or {@code openai} (an
 *                 OpenAI-compatible chat-completions endpoint, falling back to the built-in
 *                 extractor whenever it fails)
 * @param openai   the endpoint, read only when the provider is {@code openai}
 */
@ConfigurationProperties("chartroom.extraction")
record ExtractionProperties(
        @DefaultValue("builtin") Provider provider,
        @DefaultValue OpenAi openai) {

    enum Provider {
        BUILTIN,
        OPENAI
    }

    /**
     * @param baseUrl the API root, e.g. {@code http://localhost:8000/v1}; requests go to
     *                {@code {base-url}/chat/completions}
     * @param model   the model name sent with each request
     * @param apiKey  sent as {@code Authorization: Bearer <api-key>}; env
     *                {@code CHARTROOM_EXTRACTION_OPENAI_API_KEY}; never logged; unset: no header
     * @param timeout how long one request may take, connecting included
     */
    record OpenAi(
            String baseUrl,
            String model,
            String apiKey,
            @DefaultValue("30s") Duration timeout) {

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? null : "****")
                    + ", timeout=" + timeout + "]";
        }
    }
}
