package dev.chartroom.tenant;

import dev.chartroom.web.ForbiddenException;

/**
 * The authenticated organization of a request and the key it used. Declare it as a controller
 * parameter to receive it; requests without a valid credential never reach such a controller.
 */
public record Caller(OrganizationId organizationId, String keyId) {

    /** Refuses (403) when a request names an organization other than the caller's own. */
    public void requireOrganization(String organizationId) {
        if (!this.organizationId.value().equals(organizationId)) {
            throw new ForbiddenException("forbidden", "This API key does not have access to that organization.");
        }
    }
}
