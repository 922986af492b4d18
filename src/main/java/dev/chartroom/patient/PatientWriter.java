package dev.chartroom.patient;

import dev.chartroom.tenant.OrganizationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Bulk writes of patients, group memberships and events, inside the caller's transaction. Inputs
 * are already unique by their keys. Implementations differ by database: COPY on PostgreSQL, JDBC
 * batches elsewhere.
 */
interface PatientWriter {

    StoredPatients upsertPatients(
            OrganizationId organizationId,
            List<PatientFacts> patients,
            Precedence precedence,
            boolean anonymized,
            Instant now);

    void addToGroup(OrganizationId organizationId, String groupId, Collection<Long> patientIds, Instant now);

    /** Upserts events by (patient, event id); every event's patient is among {@code patients}. */
    void upsertEvents(OrganizationId organizationId, StoredPatients patients, List<EventFacts> events, Instant now);
}
