package dev.chartroom.patient;

import dev.chartroom.db.JsonColumns;
import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The patients of each organization: bulk upserts by external id (MRN), group membership, events,
 * and the queries behind the native read API. Writes join the caller's transaction.
 */
@Repository
public class Patients {

    private static final String SUMMARY_COLUMNS = """
            p.id, p.external_id, p.name, p.first_name, p.last_name, p.birth_date, p.sex, p.created_at, p.updated_at
            """;
    private static final String LIST = """
            select %s from patient p
            where p.organization_id = :organizationId
              and p.id > :after
              and (cast(:externalId as varchar) is null or p.external_id = :externalId)
              and (cast(:groupId as varchar) is null or exists (
                    select 1 from patient_group_member m
                    where m.organization_id = :organizationId and m.group_id = :groupId and m.patient_id = p.id))
              and (cast(:q as varchar) is null
                    or lower(p.name) like :q or lower(p.first_name) like :q or lower(p.last_name) like :q
                    or lower(p.external_id) like :q or lower(p.clinical_text) like :q)
            order by p.id
            limit :limit
            """.formatted(SUMMARY_COLUMNS);
    private static final String FIND = """
            select %s, p.phone, p.email, p.diagnosis, p.zip, p.attributes, p.clinical_text, p.anonymized
            from patient p where p.organization_id = :organizationId and p.id = :id
            """.formatted(SUMMARY_COLUMNS);
    private static final String SUMMARIES = """
            select %s from patient p where p.organization_id = :organizationId and p.id in (:ids)
            """.formatted(SUMMARY_COLUMNS);
    private static final String FIND_BY_EXTERNAL_ID = """
            select p.id from patient p where p.organization_id = :organizationId and p.external_id = :externalId
            """;
    private static final String ANONYMIZED = """
            select p.anonymized from patient p where p.organization_id = :organizationId and p.id = :id
            """;
    private static final String HOLDER = """
            select p.organization_id from patient p where p.id = :id
            """;
    private static final String GROUPS_OF = """
            select patient_id, group_id from patient_group_member
            where organization_id = :organizationId and patient_id in (:ids) order by group_id
            """;
    private static final String EVENTS_OF = """
            select event_id, event_date, event_type, event_value, unit, attributes from patient_event
            where organization_id = :organizationId and patient_id = :patientId order by event_date, event_id
            """;
    private static final String APPEND_CLINICAL_TEXT = """
            update patient set clinical_text = case when clinical_text is null then :text
                                                    else clinical_text || :separator || :text end,
                               updated_at = :now
            where organization_id = :organizationId and id = :id
            """;

    private final JdbcClient jdbc;
    private final PatientWriter writer;
    private final Clock clock;

    Patients(JdbcClient jdbc, PatientWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
    }

    /** Upserts patients by external id; each external id must occur once. */
    public StoredPatients upsert(
            OrganizationId organizationId, List<PatientFacts> patients, Precedence precedence, boolean anonymized) {
        if (patients.isEmpty()) {
            return new StoredPatients(Map.of(), java.util.Set.of());
        }
        return writer.upsertPatients(organizationId, patients, precedence, anonymized, Instant.now(clock));
    }

    public void addToGroup(OrganizationId organizationId, String groupId, Collection<Long> patientIds) {
        if (!patientIds.isEmpty()) {
            writer.addToGroup(organizationId, groupId, patientIds, Instant.now(clock));
        }
    }

    /** Upserts events by (patient, event id); each pair must occur once and every patient be stored. */
    public void upsertEvents(OrganizationId organizationId, StoredPatients patients, List<EventFacts> events) {
        if (!events.isEmpty()) {
            writer.upsertEvents(organizationId, patients, events, Instant.now(clock));
        }
    }

    /** Keeps text read from a patient's file on the record, where ?q= finds it. */
    public void appendClinicalText(OrganizationId organizationId, long patientId, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        jdbc.sql(APPEND_CLINICAL_TEXT)
                .param("text", text)
                .param("separator", "\n\n")
                .param("now", TimeColumns.of(Instant.now(clock)))
                .param("organizationId", organizationId.value())
                .param("id", patientId)
                .update();
    }

    public Optional<Long> idOf(OrganizationId organizationId, String externalId) {
        return jdbc.sql(FIND_BY_EXTERNAL_ID)
                .param("organizationId", organizationId.value())
                .param("externalId", externalId)
                .query(Long.class)
                .optional();
    }

    /** Whether the organization's patient with this id was stored de-identified (false when there is none). */
    public boolean isAnonymized(OrganizationId organizationId, long id) {
        return jdbc.sql(ANONYMIZED)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Whose patient an id names, as seen by one organization. */
    public enum Holder {
        CALLER,
        ANOTHER_ORGANIZATION,
        NONE
    }

    /**
     * Whose patient a path id names, so that a contract can answer "not yours" (403) rather than
     * "no such patient" (404) as its seed asks. Patient ids are unique service-wide; nothing about
     * another organization's patient is read. An id that is not a number names nobody.
     */
    public Holder holderOf(OrganizationId organizationId, String pathId) {
        if (pathId == null || !pathId.matches("[0-9]{1,18}")) {
            return Holder.NONE;
        }
        return jdbc.sql(HOLDER)
                .param("id", Long.parseLong(pathId))
                .query(String.class)
                .optional()
                .map(holder -> holder.equals(organizationId.value()) ? Holder.CALLER : Holder.ANOTHER_ORGANIZATION)
                .orElse(Holder.NONE);
    }

    /** One page of patients, in id order after {@code afterId}, filtered by whatever is non-null. */
    public List<PatientSummary> list(OrganizationId organizationId, PatientFilter filter, long afterId, int limit) {
        String q = filter.q() == null || filter.q().isBlank()
                ? null
                : "%"
                        + filter.q()
                                .strip()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        List<PatientSummary> page = jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .param("after", afterId)
                .param("externalId", filter.externalId())
                .param("groupId", filter.groupId())
                .param("q", q)
                .param("limit", limit)
                .query((rs, row) -> summary(rs, List.of()))
                .list();
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<String>> groups =
                groupsOf(organizationId, page.stream().map(PatientSummary::id).toList());
        return page.stream()
                .map(p -> new PatientSummary(
                        p.id(),
                        p.externalId(),
                        p.name(),
                        p.firstName(),
                        p.lastName(),
                        p.birthDate(),
                        p.sex(),
                        groups.getOrDefault(p.id(), List.of()),
                        p.createdAt(),
                        p.updatedAt()))
                .toList();
    }

    /** The stored part of one patient's record: demographics, attributes, groups, events. */
    public Optional<PatientDetails> find(OrganizationId organizationId, long id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query((rs, row) -> new PatientDetails(
                        summary(rs, groupsOf(organizationId, List.of(id)).getOrDefault(id, List.of())),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("diagnosis"),
                        rs.getString("zip"),
                        JsonColumns.fromJson(rs.getString("attributes")),
                        rs.getString("clinical_text"),
                        rs.getBoolean("anonymized"),
                        List.of()))
                .optional()
                .map(details -> details.withEvents(eventsOf(organizationId, id)));
    }

    /** The ids of the organization's patients with these external ids (unknown ones are left out). */
    public Map<String, Long> idsOf(OrganizationId organizationId, Collection<String> externalIds) {
        return ExternalIds.lookUp(jdbc, organizationId, externalIds);
    }

    /** Summaries of the organization's patients with these ids (others are left out). */
    public Map<Long, PatientSummary> summaries(OrganizationId organizationId, Collection<Long> ids) {
        Map<Long, PatientSummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql(SUMMARIES)
                    .param("organizationId", organizationId.value())
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query((rs, row) -> summary(rs, List.of()))
                    .list()
                    .forEach(p -> found.put(p.id(), p));
        }
        return found;
    }

    private List<PatientEvent> eventsOf(OrganizationId organizationId, long patientId) {
        return jdbc.sql(EVENTS_OF)
                .param("organizationId", organizationId.value())
                .param("patientId", patientId)
                .query((rs, row) -> new PatientEvent(
                        rs.getString("event_id"),
                        rs.getString("event_date"),
                        rs.getString("event_type"),
                        rs.getString("event_value"),
                        rs.getString("unit"),
                        JsonColumns.fromJson(rs.getString("attributes"))))
                .list();
    }

    private Map<Long, List<String>> groupsOf(OrganizationId organizationId, List<Long> patientIds) {
        Map<Long, List<String>> groups = new HashMap<>();
        jdbc.sql(GROUPS_OF)
                .param("organizationId", organizationId.value())
                .param("ids", patientIds)
                .query(rs -> {
                    groups.computeIfAbsent(rs.getLong("patient_id"), k -> new ArrayList<>())
                            .add(rs.getString("group_id"));
                });
        return groups;
    }

    private static PatientSummary summary(ResultSet rs, List<String> groups) throws SQLException {
        return new PatientSummary(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getString("sex"),
                groups,
                TimeColumns.instant(rs, "created_at"),
                TimeColumns.instant(rs, "updated_at"));
    }
}
