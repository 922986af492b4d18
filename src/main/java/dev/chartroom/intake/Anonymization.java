package dev.chartroom.intake;

import dev.chartroom.deid.Deidentification;
import dev.chartroom.deid.RecordDeidentifier;
import dev.chartroom.patient.Patients;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.tenant.Organizations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an organization's uploads are stored de-identified. The patient upload says so per
 * request ({@code anonymize}); the other contracts have no such field and follow the organization's
 * setting, so an organization that anonymizes by default gets no original through any of them. A
 * document for a patient whose record was stored de-identified is de-identified too, whatever the
 * organization's setting: its text would otherwise name the patient the record no longer names.
 */
@Component
public class Anonymization {

    private final Organizations organizations;
    private final Deidentification deidentification;
    private final Patients patients;

    Anonymization(Organizations organizations, Deidentification deidentification, Patients patients) {
        this.organizations = organizations;
        this.deidentification = deidentification;
        this.patients = patients;
    }

    /** The rules the organization's uploads are stored under; empty when it stores what it is sent. */
    public Optional<RecordDeidentifier> ofUploadsTo(OrganizationId organizationId) {
        return organizations.anonymizesUploads(organizationId)
                ? Optional.of(deidentification.forOrganization(organizationId))
                : Optional.empty();
    }

    /** The rules a document for the stored patient {@code patientId} is kept under; empty when it is kept as sent. */
    public Optional<RecordDeidentifier> ofDocumentsFor(OrganizationId organizationId, long patientId) {
        return patients.isAnonymized(organizationId, patientId)
                ? Optional.of(rulesFor(organizationId))
                : ofUploadsTo(organizationId);
    }

    /** The rules a document is kept under, and the MRN it is filed under (the patient it goes to). */
    public record DocumentRules(RecordDeidentifier records, String patientMrn) {}

    /**
     * The rules a document for the patient with this MRN (as sent) is kept under, empty when it is kept
     * as sent: the organization's, or, when the MRN's pseudonym names a stored patient, that
     * de-identified patient's. It is filed under the pseudonym their de-identified record is stored
     * under, or, for a patient stored as sent before the organization turned anonymization on (none
     * under the pseudonym, one under the MRN), under the MRN itself, which that record already shows.
     */
    public Optional<DocumentRules> ofDocumentsFor(OrganizationId organizationId, String mrn) {
        RecordDeidentifier records = rulesFor(organizationId);
        String pseudonym = records.pseudonym(mrn);
        boolean deidentifiedPatient = patients.idOf(organizationId, pseudonym).isPresent();
        if (!isDefaultFor(organizationId)) {
            return deidentifiedPatient ? Optional.of(new DocumentRules(records, pseudonym)) : Optional.empty();
        }
        boolean storedAsSent =
                !deidentifiedPatient && patients.idOf(organizationId, mrn).isPresent();
        return Optional.of(new DocumentRules(records, storedAsSent ? mrn : pseudonym));
    }

    /** Whether the organization anonymizes the uploads that do not say. */
    public boolean isDefaultFor(OrganizationId organizationId) {
        return organizations.anonymizesUploads(organizationId);
    }

    /** The rules for one upload that chose to be de-identified. */
    public RecordDeidentifier rulesFor(OrganizationId organizationId) {
        return deidentification.forOrganization(organizationId);
    }
}
