package dev.chartroom.tenant;

import dev.chartroom.web.ConflictException;
import dev.chartroom.web.InvalidRequestException;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations, with everything an organization starts with, in one transaction. */
@Service
class Onboarding {

    /** Organization ids travel in form fields and headers (teamId, TENANT): keep them plain. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Organizations organizations;
    private final ApplicationEventPublisher events;

    Onboarding(Organizations organizations, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.events = events;
    }

    @Transactional
    public Organization createOrganization(String id, String name) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequestException(
                    "invalid_request",
                    "id: use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit.");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("invalid_request", "name: required, at most 200 characters.");
        }
        var organizationId = OrganizationId.of(id);
        var organization = organizations
                .create(organizationId, name.strip())
                .orElseThrow(() ->
                        new ConflictException("organization_exists", "An organization with this id exists already."));
        events.publishEvent(new OrganizationCreated(organizationId));
        return organization;
    }
}
