package dev.chartroom.tenant;

import dev.chartroom.web.NativeApi;
import dev.chartroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin API: organizations and their API keys, behind {@code Authorization: Bearer <admin token>}. */
@RestController
@NativeApi
@RequestMapping("/admin/v1/organizations")
@Tag(name = "Admin", description = "Organizations and API keys (admin token)")
class AdminApi {

    private final Onboarding onboarding;
    private final Organizations organizations;
    private final ApiKeys keys;

    AdminApi(Onboarding onboarding, Organizations organizations, ApiKeys keys) {
        this.onboarding = onboarding;
        this.organizations = organizations;
        this.keys = keys;
    }

    record NewOrganization(String id, String name) {}

    record KeyCreated(
            String id,
            OrganizationId organizationId,
            String key,
            String clientId,
            String clientSecret,
            Instant createdAt) {
        static KeyCreated of(IssuedApiKey issued) {
            return new KeyCreated(
                    issued.id(),
                    issued.organizationId(),
                    issued.key(),
                    issued.clientId(),
                    issued.clientSecret(),
                    issued.createdAt());
        }
    }

    /** The settings an organization can change; absent fields stay as they are. */
    record OrganizationSettings(Boolean anonymizeUploads) {}

    record KeyList(List<ApiKey> data) {}

    record OrganizationList(List<Organization> data) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organization")
    Organization create(@RequestBody NewOrganization body) {
        return onboarding.createOrganization(body.id(), body.name());
    }

    @GetMapping
    @Operation(summary = "List organizations")
    OrganizationList list() {
        return new OrganizationList(organizations.all());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an organization")
    Organization get(@PathVariable String id) {
        return existing(id);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change an organization's settings",
            description =
                    "anonymizeUploads: patient uploads that do not send anonymize are de-identified (anonymize=true)")
    Organization change(@PathVariable String id, @RequestBody OrganizationSettings settings) {
        Organization organization = existing(id);
        if (settings.anonymizeUploads() != null) {
            organization = organizations
                    .anonymizeUploads(organization.id(), settings.anonymizeUploads())
                    .orElseThrow(AdminApi::noOrganization);
        }
        return organization;
    }

    @PostMapping("/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an API key",
            description = "The key, client id and client secret are shown only in this answer.")
    KeyCreated createKey(@PathVariable String id) {
        return KeyCreated.of(keys.issue(existing(id).id()));
    }

    @GetMapping("/{id}/api-keys")
    @Operation(summary = "List an organization's API keys (without secrets)")
    KeyList keys(@PathVariable String id) {
        return new KeyList(keys.list(existing(id).id()));
    }

    @DeleteMapping("/{id}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key at once")
    void revoke(@PathVariable String id, @PathVariable String keyId) {
        var organizationId = OrganizationId.parse(id);
        if (organizationId.isEmpty()
                || !keys.revoke(organizationId.get(), keyId) && !keys.exists(organizationId.get(), keyId)) {
            throw new NotFoundException("api_key_not_found", "This organization has no API key with that id.");
        }
    }

    /** The stored organization a path names; 404 when there is none (a blank id names none). */
    private Organization existing(String id) {
        return OrganizationId.parse(id).flatMap(organizations::find).orElseThrow(AdminApi::noOrganization);
    }

    private static NotFoundException noOrganization() {
        return new NotFoundException("organization_not_found", "No organization with that id.");
    }
}
