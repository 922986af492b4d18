package dev.chartroom.caseflow;

import dev.chartroom.db.JsonColumns;
import dev.chartroom.db.KeyList;
import dev.chartroom.db.TimeColumns;
import dev.chartroom.patient.PatientSummary;
import dev.chartroom.patient.Patients;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored cases with their medications, allergies and notes. Writes join the caller's transaction. */
@Repository
class Cases {

    private static final int CHUNK = 1000;

    private static final String STORED = """
            select c.id, c.appointment_id, c.patient_id, c.status, c.version, c.appointment_date, c.appointment_status,
                   c.appointment_doctor, c.virtual_flag, c.intake_charted, c.test_status
            from %s join appointment_case c on c.organization_id = :organizationId and c.appointment_id = listed.k
            """.formatted(KeyList.table("ids"));
    private static final String INSERT = """
            insert into appointment_case (organization_id, appointment_id, patient_id, status, cancel_reason, agent,
                doctor, clinician_id, scheduled_at, phone, new_consult, appointment_date, appointment_status,
                appointment_doctor, virtual_flag, intake_charted, test_status, details, version, upload_id,
                created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
            """;
    private static final String UPDATE = """
            update appointment_case set patient_id = ?, status = ?, cancel_reason = ?, agent = ?, doctor = ?,
                clinician_id = ?, scheduled_at = ?, phone = ?, new_consult = ?, appointment_date = ?,
                appointment_status = ?, appointment_doctor = ?, virtual_flag = ?, intake_charted = ?, test_status = ?,
                details = ?, version = version + 1, upload_id = ?, updated_at = ?
            where organization_id = ? and id = ?
            """;
    private static final String OF_PATIENTS = """
            select c.id, c.patient_id
            from %s join appointment_case c on c.organization_id = :organizationId and c.patient_id = listed.k
            """.formatted(KeyList.table("ids"));
    private static final String CASE_COLUMNS = """
            c.id, c.appointment_id, c.patient_id, c.status, c.cancel_reason, c.agent, c.doctor, c.scheduled_at,
            c.phone, c.new_consult, c.version, c.details, c.created_at, c.updated_at
            """;
    private static final String LIST = """
            select %s from appointment_case c
            where c.organization_id = :organizationId
              and (cast(:appointmentId as varchar) is null or c.appointment_id = :appointmentId)
              and (cast(:patientId as bigint) is null or c.patient_id = :patientId)
              and (cast(:status as varchar) is null or c.status = :status)
              and c.id > :after
            order by c.id
            limit :limit
            """.formatted(CASE_COLUMNS);
    private static final String BY_ID = """
            select %s from appointment_case c where c.organization_id = :organizationId and c.id = :id
            """.formatted(CASE_COLUMNS);
    private static final String DELETE_MEDICATIONS = """
            delete from case_medication where organization_id = ? and case_id = ? and source = ?
            """;
    private static final String INSERT_MEDICATION = """
            insert into case_medication (organization_id, case_id, source, position, name, dosage, frequency, duration,
                                         route)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String DELETE_ALLERGIES = """
            delete from case_allergy where organization_id = ? and case_id = ? and source = ?
            """;
    private static final String INSERT_ALLERGY = """
            insert into case_allergy (organization_id, case_id, source, position, substance, reaction)
            values (?, ?, ?, ?, ?, ?)
            """;
    private static final String MEDICATIONS_OF = """
            select case_id, name, dosage, frequency, duration, route, source from case_medication
            where organization_id = :organizationId and case_id in (:ids) order by case_id, source, position
            """;
    private static final String ALLERGIES_OF = """
            select case_id, substance, reaction, source from case_allergy
            where organization_id = :organizationId and case_id in (:ids) order by case_id, source, position
            """;
    private static final String NOTES_OF = """
            select case_id, category, note_text, created_at from case_note
            where organization_id = :organizationId and case_id in (:ids) order by case_id, position
            """;
    private static final String NOTE_HASHES = """
            select case_id, text_sha256, position from case_note where organization_id = :organizationId and case_id in (:ids)
            """;
    private static final String INSERT_NOTE = """
            insert into case_note (organization_id, case_id, position, category, note_text, text_sha256, upload_id,
                                   created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Patients patients;

    Cases(JdbcClient jdbc, JdbcTemplate batch, Patients patients) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.patients = patients;
    }

    /** What change detection needs of a stored case. */
    record Stored(long id, String appointmentId, long patientId, String status, int version, List<String> watched) {}

    /** A case to insert or update, with the six watched fields as received. */
    record Write(
            String appointmentId,
            long patientId,
            CaseDecision decision,
            List<String> watched,
            Map<String, String> details,
            String uploadId) {}

    Map<String, Stored> stored(OrganizationId organizationId, Collection<String> appointmentIds) {
        Map<String, Stored> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(appointmentIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql(STORED)
                    .param("organizationId", organizationId.value())
                    .param("ids", KeyList.of(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                    .query((rs, row) -> new Stored(
                            rs.getLong("id"),
                            rs.getString("appointment_id"),
                            rs.getLong("patient_id"),
                            rs.getString("status"),
                            rs.getInt("version"),
                            java.util.Arrays.asList(
                                    rs.getString("appointment_date"),
                                    rs.getString("appointment_status"),
                                    rs.getString("appointment_doctor"),
                                    rs.getString("virtual_flag"),
                                    rs.getString("intake_charted"),
                                    rs.getString("test_status"))))
                    .list()
                    .forEach(stored -> found.put(stored.appointmentId(), stored));
        }
        return found;
    }

    void insert(OrganizationId organizationId, List<Write> cases, Instant now) {
        List<Object[]> rows = new ArrayList<>(cases.size());
        for (Write c : cases) {
            CaseDecision d = c.decision();
            rows.add(new Object[] {
                organizationId.value(),
                c.appointmentId(),
                c.patientId(),
                d.status(),
                d.cancelReason(),
                d.agent(),
                doctor(d),
                clinicianId(d),
                TimeColumns.of(d.scheduledAt()),
                d.phone(),
                d.newConsult(),
                c.watched().get(0),
                c.watched().get(1),
                c.watched().get(2),
                c.watched().get(3),
                c.watched().get(4),
                c.watched().get(5),
                JsonColumns.toJson(c.details()),
                c.uploadId(),
                TimeColumns.of(now),
                TimeColumns.of(now)
            });
        }
        batch.batchUpdate(INSERT, rows);
    }

    void update(OrganizationId organizationId, Map<Long, Write> cases, Instant now) {
        List<Object[]> rows = new ArrayList<>(cases.size());
        cases.forEach((id, c) -> {
            CaseDecision d = c.decision();
            rows.add(new Object[] {
                c.patientId(),
                d.status(),
                d.cancelReason(),
                d.agent(),
                doctor(d),
                clinicianId(d),
                TimeColumns.of(d.scheduledAt()),
                d.phone(),
                d.newConsult(),
                c.watched().get(0),
                c.watched().get(1),
                c.watched().get(2),
                c.watched().get(3),
                c.watched().get(4),
                c.watched().get(5),
                JsonColumns.toJson(c.details()),
                c.uploadId(),
                TimeColumns.of(now),
                organizationId.value(),
                id
            });
        });
        batch.batchUpdate(UPDATE, rows);
    }

    /** The ids of the cases of each of these patients. */
    Map<Long, List<Long>> ofPatients(OrganizationId organizationId, Collection<Long> patientIds) {
        Map<Long, List<Long>> cases = new HashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(patientIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql(OF_PATIENTS)
                    .param("organizationId", organizationId.value())
                    .param("ids", KeyList.of(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                    .query(rs -> {
                        cases.computeIfAbsent(rs.getLong("patient_id"), k -> new ArrayList<>())
                                .add(rs.getLong("id"));
                    });
        }
        return cases;
    }

    /**
     * Replaces one source's medications on each case of the organization; a case id of another
     * organization deletes nothing and its inserts are refused by the (organization_id, case_id) key.
     */
    void replaceMedications(OrganizationId organizationId, Map<Long, List<CaseMedication>> byCase, String source) {
        batch.batchUpdate(
                DELETE_MEDICATIONS,
                byCase.keySet().stream()
                        .map(id -> new Object[] {organizationId.value(), id, source})
                        .toList());
        List<Object[]> rows = new ArrayList<>();
        byCase.forEach((caseId, medications) -> {
            for (int i = 0; i < medications.size(); i++) {
                CaseMedication m = medications.get(i);
                rows.add(new Object[] {
                    organizationId.value(),
                    caseId,
                    source,
                    i,
                    m.name(),
                    m.dosage(),
                    m.frequency(),
                    m.duration(),
                    m.route()
                });
            }
        });
        batch.batchUpdate(INSERT_MEDICATION, rows);
    }

    void replaceAllergies(OrganizationId organizationId, Map<Long, List<CaseAllergy>> byCase, String source) {
        batch.batchUpdate(
                DELETE_ALLERGIES,
                byCase.keySet().stream()
                        .map(id -> new Object[] {organizationId.value(), id, source})
                        .toList());
        List<Object[]> rows = new ArrayList<>();
        byCase.forEach((caseId, allergies) -> {
            for (int i = 0; i < allergies.size(); i++) {
                CaseAllergy a = allergies.get(i);
                rows.add(new Object[] {organizationId.value(), caseId, source, i, a.substance(), a.reaction()});
            }
        });
        batch.batchUpdate(INSERT_ALLERGY, rows);
    }

    /** Adds notes a case does not have yet (same text: kept once); returns how many were new. */
    int addNotes(OrganizationId organizationId, Map<Long, List<CaseNote>> notesByCase, String uploadId) {
        if (notesByCase.isEmpty()) {
            return 0;
        }
        Map<Long, java.util.Set<String>> known = new HashMap<>();
        Map<Long, Integer> nextPosition = new HashMap<>();
        jdbc.sql(NOTE_HASHES)
                .param("organizationId", organizationId.value())
                .param("ids", notesByCase.keySet())
                .query(rs -> {
                    long caseId = rs.getLong("case_id");
                    known.computeIfAbsent(caseId, k -> new java.util.HashSet<>())
                            .add(rs.getString("text_sha256"));
                    nextPosition.merge(caseId, rs.getInt("position") + 1, Math::max);
                });
        List<Object[]> rows = new ArrayList<>();
        notesByCase.forEach((caseId, notes) -> {
            var seen = known.computeIfAbsent(caseId, k -> new java.util.HashSet<>());
            int position = nextPosition.getOrDefault(caseId, 0);
            for (CaseNote note : notes) {
                String sha = Sha256.hex(note.text());
                if (seen.add(sha)) {
                    rows.add(new Object[] {
                        organizationId.value(),
                        caseId,
                        position++,
                        note.category(),
                        note.text(),
                        sha,
                        uploadId,
                        TimeColumns.of(note.createdAt())
                    });
                }
            }
        });
        batch.batchUpdate(INSERT_NOTE, rows);
        return rows.size();
    }

    /** Cases matching the filter (null parts do not narrow), in id order after {@code afterId}. */
    public List<Case> list(
            OrganizationId organizationId,
            String appointmentId,
            Long patientId,
            String status,
            long afterId,
            int limit) {
        List<Case> bare = jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .param("appointmentId", appointmentId)
                .param("patientId", patientId)
                .param("status", status)
                .param("after", afterId)
                .param("limit", limit)
                .query(Cases::bare)
                .list();
        return complete(organizationId, bare);
    }

    public List<Case> ofPatient(OrganizationId organizationId, long patientId) {
        return list(organizationId, null, patientId, null, 0, 10_000);
    }

    public Optional<Case> byAppointmentId(OrganizationId organizationId, String appointmentId) {
        return list(organizationId, appointmentId, null, null, 0, 1).stream().findFirst();
    }

    Optional<Case> byId(OrganizationId organizationId, long caseId) {
        return complete(
                        organizationId,
                        jdbc.sql(BY_ID)
                                .param("organizationId", organizationId.value())
                                .param("id", caseId)
                                .query(Cases::bare)
                                .list())
                .stream()
                .findFirst();
    }

    /** The notes of these cases of the organization, in order, by case. */
    Map<Long, List<CaseNote>> notesOf(OrganizationId organizationId, Collection<Long> caseIds) {
        Map<Long, List<CaseNote>> notes = new HashMap<>();
        if (caseIds.isEmpty()) {
            return notes;
        }
        jdbc.sql(NOTES_OF)
                .param("organizationId", organizationId.value())
                .param("ids", caseIds)
                .query(rs -> {
                    notes.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                            .add(new CaseNote(
                                    rs.getString("category"),
                                    rs.getString("note_text"),
                                    TimeColumns.instant(rs, "created_at")));
                });
        return notes;
    }

    private List<Case> complete(OrganizationId organizationId, List<Case> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        List<Long> ids = bare.stream().map(Case::id).toList();
        Map<Long, List<CaseMedication>> medications = new HashMap<>();
        jdbc.sql(MEDICATIONS_OF)
                .param("organizationId", organizationId.value())
                .param("ids", ids)
                .query(rs -> {
                    medications
                            .computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                            .add(new CaseMedication(
                                    rs.getString("name"),
                                    rs.getString("dosage"),
                                    rs.getString("frequency"),
                                    rs.getString("duration"),
                                    rs.getString("route"),
                                    rs.getString("source")));
                });
        Map<Long, List<CaseAllergy>> allergies = new HashMap<>();
        jdbc.sql(ALLERGIES_OF)
                .param("organizationId", organizationId.value())
                .param("ids", ids)
                .query(rs -> {
                    allergies
                            .computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                            .add(new CaseAllergy(
                                    rs.getString("substance"), rs.getString("reaction"), rs.getString("source")));
                });
        Map<Long, List<CaseNote>> notes = notesOf(organizationId, ids);
        Map<Long, PatientSummary> people = patients.summaries(
                organizationId, bare.stream().map(c -> c.patient().id()).toList());
        return bare.stream()
                .map(c -> {
                    PatientSummary p = people.get(c.patient().id());
                    CasePatient patient = p == null
                            ? c.patient()
                            : new CasePatient(
                                    p.id(), p.externalId(), p.name(), p.firstName(), p.lastName(), p.birthDate());
                    return new Case(
                            c.id(),
                            c.appointmentId(),
                            patient,
                            c.status(),
                            c.cancelReason(),
                            c.agent(),
                            c.doctor(),
                            c.scheduledAt(),
                            c.phone(),
                            c.newConsult(),
                            c.version(),
                            c.details(),
                            medications.getOrDefault(c.id(), List.of()),
                            allergies.getOrDefault(c.id(), List.of()),
                            notes.getOrDefault(c.id(), List.of()),
                            c.createdAt(),
                            c.updatedAt());
                })
                .toList();
    }

    private static Case bare(ResultSet rs, int row) throws SQLException {
        return new Case(
                rs.getLong("id"),
                rs.getString("appointment_id"),
                new CasePatient(rs.getLong("patient_id"), null, null, null, null, null),
                rs.getString("status"),
                rs.getString("cancel_reason"),
                rs.getString("agent"),
                rs.getString("doctor"),
                TimeColumns.instant(rs, "scheduled_at"),
                rs.getString("phone"),
                rs.getBoolean("new_consult"),
                rs.getInt("version"),
                JsonColumns.fromJson(rs.getString("details")),
                List.of(),
                List.of(),
                List.of(),
                TimeColumns.instant(rs, "created_at"),
                TimeColumns.instant(rs, "updated_at"));
    }

    private static String doctor(CaseDecision d) {
        return d.clinician() == null ? null : d.clinician().lastName();
    }

    private static Long clinicianId(CaseDecision d) {
        return d.clinician() == null ? null : d.clinician().id();
    }
}
