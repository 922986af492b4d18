package dev.chartroom.storage;

import dev.chartroom.tenant.OrganizationId;
import java.util.regex.Pattern;

/**
 * Where a blob lives in a store: {@code <organization>/<sha256>}. Keys are scoped per organization
 * so that tenants never share (or learn of) each other's bytes.
 */
public record BlobKey(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}/[0-9a-f]{64}");

    public BlobKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a blob key");
        }
    }

    public static BlobKey of(OrganizationId organizationId, String sha256) {
        return new BlobKey(organizationId.value() + "/" + sha256);
    }

    public OrganizationId organizationId() {
        return new OrganizationId(value.substring(0, value.indexOf('/')));
    }

    public String sha256() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
