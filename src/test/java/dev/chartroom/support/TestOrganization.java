package dev.chartroom.support;

import dev.chartroom.tenant.OrganizationId;

/** An organization made for one test, with one API key in every form. */
public record TestOrganization(String id, String keyId, String key, String clientId, String clientSecret) {

    /** The id as the modules carry it. */
    public OrganizationId organizationId() {
        return OrganizationId.of(id);
    }

    /** Headers for the Bearer style. */
    public String[] bearer() {
        return new String[] {"Authorization", "Bearer " + key};
    }

    /** Headers for the X-API-Key style. */
    public String[] apiKey() {
        return new String[] {"X-API-Key", key};
    }

    /** Headers for the API-KEY + TENANT style. */
    public String[] tenant() {
        return new String[] {"API-KEY", key, "TENANT", id};
    }

    /** Headers for the client-credentials style. */
    public String[] clientCredentials() {
        return new String[] {"client_id", clientId, "client_secret", clientSecret, "access_token", id};
    }
}
