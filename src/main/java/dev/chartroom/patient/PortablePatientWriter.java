package dev.chartroom.patient;

import dev.chartroom.db.JsonColumns;
import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk writes with plain JDBC batches, for the embedded H2 database: existing patients are looked
 * up, then updated and inserted in batches. (PostgreSQL uses {@link PostgresPatientWriter}.)
 */
class PortablePatientWriter implements PatientWriter {

    private static final String UPDATE_UPLOAD_WINS = """
            update patient set name = coalesce(?, name), first_name = coalesce(?, first_name),
                last_name = coalesce(?, last_name), birth_date = coalesce(?, birth_date), sex = coalesce(?, sex),
                phone = coalesce(?, phone), email = coalesce(?, email), diagnosis = coalesce(?, diagnosis),
                zip = coalesce(?, zip), attributes = coalesce(?, attributes), anonymized = anonymized or ?,
                updated_at = ?
            where id = ? and organization_id = ?
            """;
    private static final String UPDATE_STORED_WINS = """
            update patient set name = coalesce(name, ?), first_name = coalesce(first_name, ?),
                last_name = coalesce(last_name, ?), birth_date = coalesce(birth_date, ?), sex = coalesce(sex, ?),
                phone = coalesce(phone, ?), email = coalesce(email, ?), diagnosis = coalesce(diagnosis, ?),
                zip = coalesce(zip, ?), attributes = coalesce(attributes, ?), anonymized = anonymized or ?,
                updated_at = ?
            where id = ? and organization_id = ?
            """;
    private static final String INSERT = """
            insert into patient (name, first_name, last_name, birth_date, sex, phone, email, diagnosis, zip,
                                 attributes, anonymized, updated_at, created_at, organization_id, external_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String ADD_TO_GROUP = """
            insert into patient_group_member (organization_id, group_id, patient_id, added_at)
            values (?, ?, ?, ?) on conflict do nothing
            """;
    private static final String MERGE_EVENT = """
            merge into patient_event (patient_id, event_id, organization_id, event_date, event_type, event_value,
                                      unit, attributes, updated_at)
            key (patient_id, event_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    PortablePatientWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    @Override
    public StoredPatients upsertPatients(
            OrganizationId organizationId,
            List<PatientFacts> patients,
            Precedence precedence,
            boolean anonymized,
            Instant now) {
        Map<String, Long> existing = ExternalIds.lookUp(
                client,
                organizationId,
                patients.stream().map(PatientFacts::externalId).toList());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (PatientFacts p : patients) {
            Long id = existing.get(p.externalId());
            if (id != null) {
                updates.add(row(p, anonymized, now, id, organizationId.value()));
            } else {
                inserts.add(row(p, anonymized, now, TimeColumns.of(now), organizationId.value(), p.externalId()));
            }
        }
        jdbc.batchUpdate(precedence == Precedence.UPLOAD_WINS ? UPDATE_UPLOAD_WINS : UPDATE_STORED_WINS, updates);
        jdbc.batchUpdate(INSERT, inserts);
        Set<String> created = new HashSet<>();
        inserts.forEach(insert -> created.add((String) insert[insert.length - 1]));
        // The existing ids are known; only the inserted ones are read back.
        Map<String, Long> ids = new HashMap<>(existing);
        ids.putAll(ExternalIds.lookUp(client, organizationId, created));
        return new StoredPatients(ids, created);
    }

    @Override
    public void addToGroup(OrganizationId organizationId, String groupId, Collection<Long> patientIds, Instant now) {
        List<Object[]> rows = patientIds.stream()
                .map(id -> new Object[] {organizationId.value(), groupId, id, TimeColumns.of(now)})
                .toList();
        jdbc.batchUpdate(ADD_TO_GROUP, rows);
    }

    @Override
    public void upsertEvents(
            OrganizationId organizationId, StoredPatients patients, List<EventFacts> events, Instant now) {
        List<Object[]> rows = events.stream()
                .map(e -> new Object[] {
                    patients.idsByExternalId().get(e.externalId()),
                    e.eventId(),
                    organizationId.value(),
                    e.date(),
                    e.type(),
                    e.value(),
                    e.unit(),
                    JsonColumns.toJson(e.attributes()),
                    TimeColumns.of(now)
                })
                .toList();
        jdbc.batchUpdate(MERGE_EVENT, rows);
    }

    private static Object[] row(PatientFacts p, boolean anonymized, Instant now, Object... tail) {
        var values = new ArrayList<Object>(15);
        values.add(p.name());
        values.add(p.firstName());
        values.add(p.lastName());
        values.add(p.birthDate() == null ? null : Date.valueOf(p.birthDate()));
        values.add(p.sex());
        values.add(p.phone());
        values.add(p.email());
        values.add(p.diagnosis());
        values.add(p.zip());
        values.add(JsonColumns.toJson(p.attributes()));
        values.add(anonymized);
        values.add(TimeColumns.of(now));
        values.addAll(List.of(tail));
        return values.toArray();
    }
}
