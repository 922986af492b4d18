package dev.chartroom.tenant;

import java.time.Instant;

/** A stored API key, without its secrets (only their hashes are kept). */
record ApiKey(String id, OrganizationId organizationId, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
