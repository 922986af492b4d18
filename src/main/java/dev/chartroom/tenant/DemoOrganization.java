package dev.chartroom.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a first start with an empty database and no admin token, creates the organization
 * {@code demo} (with its group {@code default}) and prints one key for it, once, in every
 * credential style, with a first request to paste, so a newcomer can upload straight away. This
 * is the only place a key is ever written to the log. Any other start says why there is no demo.
 */
@Component
@Profile("!admin-command")
class DemoOrganization {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    static final OrganizationId ID = OrganizationId.of("demo");

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
    void createOnFirstStart(ApplicationReadyEvent ready) {
        if (properties.adminToken() != null && !properties.adminToken().isBlank()) {
            log.info("No demo organization: an admin token is set (CHARTROOM_ADMIN_TOKEN), so organizations and keys"
                    + " are made with the admin API, /admin/v1/organizations.");
            return;
        }
        if (!organizations.none()) {
            log.info(
                    "No demo organization: the database has organizations already. More keys: set CHARTROOM_ADMIN_TOKEN"
                            + " for the admin API, or stop Chartroom and run 'java -jar chartroom.jar admin help'.");
            return;
        }
        try {
            onboarding.createOrganization(ID.value(), "Demo Clinic");
        } catch (RuntimeException anotherNodeWasFirst) {
            log.info("No demo organization from this node: another node sharing the database made it first.");
            return;
        }
        var issued = keys.issue(ID);
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        log.info(banner(issued, "http://localhost:" + port));
    }

    /** The framed first-start message: the key in every style the service accepts, and the README's first requests. */
    static String banner(IssuedApiKey issued, String baseUrl) {
        return """

                ============================ Chartroom demo organization ============================
                 Created organization 'demo' (group 'default') and one API key for it, shown only now:

                   %1$s

                 Every tenant endpoint accepts it in any of these styles:
                   Authorization: Bearer %1$s
                   X-API-Key: %1$s
                   API-KEY: %1$s   with   TENANT: demo
                   client_id: %2$s   client_secret: %3$s   access_token: demo

                 Try it: upload a CSV of one patient, then read the patient back:

                   KEY=%1$s
                   printf 'patient_id,name,birth_date,diagnosis\\np-001,Jane Doe,1980-03-12,EPOC\\n' > patients.csv
                   curl -X POST %4$s/api/pandora/upload-v2/upload \\
                     -H "Authorization: Bearer $KEY" \\
                     -F "file=@patients.csv" -F "teamId=demo" -F "groupId=default" -F "anonymize=false"
                   curl -H "Authorization: Bearer $KEY" "%4$s/v1/patients?externalId=p-001"

                 More organizations and keys: set CHARTROOM_ADMIN_TOKEN (admin API), or stop Chartroom
                 and run 'java -jar chartroom.jar admin help'. API document: %4$s/swagger-ui.html
                =====================================================================================
                """.formatted(issued.key(), issued.clientId(), issued.clientSecret(), baseUrl);
    }
}
