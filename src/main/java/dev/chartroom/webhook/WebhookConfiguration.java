package dev.chartroom.webhook;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain classes of delivery, built from the webhook settings. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    Destinations webhookDestinations(WebhookProperties properties) {
        return Destinations.resolvingWithDns(properties.allowPrivateAddresses());
    }

    /** Secrets stored in the clear by an earlier version are encrypted once the application is up. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void sealSecretsInTheClear(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(WebhookEndpoints.class).sealSecretsInTheClear();
    }

    @Bean
    WebhookSender webhookSender(Destinations destinations, WebhookProperties properties, Clock clock) {
        return new WebhookSender(destinations, properties.connectTimeout(), properties.timeout(), clock);
    }
}
