package dev.chartroom.tenant;

import java.time.Instant;

/**
 * A freshly created API key with its secret parts: shown once, at creation, and never again.
 *
 * @param id           the key's public id (used to revoke it)
 * @param key          the secret used with Bearer, X-API-Key or API-KEY
 * @param clientId     the public half of the client-credentials pair
 * @param clientSecret the secret half of the client-credentials pair
 */
record IssuedApiKey(
        String id, OrganizationId organizationId, String key, String clientId, String clientSecret, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", organizationId=" + organizationId + "]";
    }
}
