package dev.chartroom.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a first start with an empty database and no admin token, creates the organization
 * {@code demo} (with its group {@code default}) and prints one key for it, once, so a newcomer
 * can upload straight away. This is the only place a key is ever written to the log.
 */
@Component
@Profile("!admin-command")
class DemoOrganization {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final TenantProperties properties;
    private final Organizations organizations;
    private final Onboarding onboarding;
    private final ApiKeys keys;

    DemoOrganization(TenantProperties properties, Organizations organizations, Onboarding onboarding, ApiKeys keys) {
        this.properties = properties;
        this.organizations = organizations;
        this.onboarding = onboarding;
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnFirstStart() {
        boolean adminTokenSet = properties.adminToken() != null && !properties.adminToken().isBlank();
        if (adminTokenSet || !organizations.none()) {
            return;
        }
        try {
            onboarding.createOrganization("demo", "Demo Clinic");
        } catch (RuntimeException anotherNodeWasFirst) {
            return;
        }
        var issued = keys.issue("demo");
        log.warn("""

                ======================== Chartroom demo organization ========================
                 Created organization 'demo' with group 'default'. Its API key, shown only now:

                   {}

                 client_id: {}   client_secret: {}   access_token: demo
                 Set CHARTROOM_ADMIN_TOKEN to manage organizations and keys.
                ==============================================================================
                """, issued.key(), issued.clientId(), issued.clientSecret());
    }
}
