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

    @Bean
    WebhookSender webhookSender(Destinations destinations, WebhookProperties properties, Clock clock) {
        return new WebhookSender(destinations, properties.connectTimeout(), properties.timeout(), clock);
    }
}
