package dev.chartroom.intake;

import dev.chartroom.deid.Deidentification;
import dev.chartroom.deid.RecordDeidentifier;
import dev.chartroom.tenant.Organizations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an organization's uploads are stored de-identified. The patient upload says so per
 * request ({@code anonymize}); the other contracts have no such field and follow the organization's
 * setting, so an organization that anonymizes by default gets no original through any of them.
 */
@Component
public class Anonymization {

    private final Organizations organizations;
    private final Deidentification deidentification;

    Anonymization(Organizations organizations, Deidentification deidentification) {
        this.organizations = organizations;
        this.deidentification = deidentification;
    }

    /** The rules the organization's uploads are stored under; empty when it stores what it is sent. */
    public Optional<RecordDeidentifier> ofUploadsTo(String organizationId) {
        return organizations.anonymizesUploads(organizationId)
                ? Optional.of(deidentification.forOrganization(organizationId))
                : Optional.empty();
    }

    /** Whether the organization anonymizes the uploads that do not say. */
    public boolean isDefaultFor(String organizationId) {
        return organizations.anonymizesUploads(organizationId);
    }

    /** The rules for one upload that chose to be de-identified. */
    public RecordDeidentifier rulesFor(String organizationId) {
        return deidentification.forOrganization(organizationId);
    }
}
