package dev.chartroom.patient;

import dev.chartroom.tenant.OrganizationId;
import java.util.List;
import java.util.Map;

/**
 * A part of a patient's record that another module keeps (cases, medications, allergies, …).
 * Modules contribute parts as beans, so the record can show them without the patient module
 * depending on those modules.
 */
public interface PatientRecordPart {

    /** This module's lists in one patient's record, by field name ({@code cases}, {@code medications}, …). */
    Map<String, List<?>> of(OrganizationId organizationId, long patientId);
}
