package dev.chartroom;

import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Settings that were renamed: set under the old name they would be ignored without a word (the
 * default would apply), so Chartroom refuses to start and names the new one.
 */
@Component
class RenamedSettings implements InitializingBean {

    /** Old name to new name; renamed on 2026-12-04 for one naming scheme of durations. */
    static final Map<String, String> RENAMED = Map.of(
            "chartroom.webhooks.give-up-after", "chartroom.webhooks.retry-give-up-after",
            "chartroom.documents.decoding-time-limit", "chartroom.documents.decoding-timeout",
            "chartroom.idempotency.answers-kept", "chartroom.idempotency.answer-ttl");

    private final Environment environment;

    RenamedSettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        RENAMED.forEach((old, renamed) -> {
            if (environment.containsProperty(old)) {
                throw new IllegalStateException(
                        "The setting " + old + " is now called " + renamed + ": set that instead.");
            }
        });
    }
}
