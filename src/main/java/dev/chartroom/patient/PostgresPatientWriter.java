package dev.chartroom.patient;

import dev.chartroom.db.JsonColumns;
import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk writes on PostgreSQL: rows are streamed with COPY into a transaction-local staging table,
 * then merged with one INSERT … ON CONFLICT per table, in key order so that concurrent uploads
 * lock rows in the same order and cannot deadlock.
 */
class PostgresPatientWriter implements PatientWriter {

    private static final String PATIENT_STAGING = """
            create temp table patient_staging (
                external_id varchar(200), name varchar(300), first_name varchar(150), last_name varchar(150),
                birth_date date, sex varchar(20), phone varchar(40), email varchar(320), diagnosis varchar(2000),
                zip varchar(20), attributes text
            ) on commit drop
            """;
    private static final String COPY_PATIENTS = """
            copy patient_staging (external_id, name, first_name, last_name, birth_date, sex, phone, email,
                                  diagnosis, zip, attributes) from stdin (format csv)
            """;
    /** The upsert of staged patients; {@code %1$s} is the side whose stated values win, {@code %2$s} the other. */
    private static final String MERGE_PATIENTS = """
            insert into patient (organization_id, external_id, name, first_name, last_name, birth_date, sex, phone,
                                 email, diagnosis, zip, attributes, anonymized, created_at, updated_at)
            select ?, external_id, name, first_name, last_name, birth_date, sex, phone, email, diagnosis, zip,
                   attributes, ?, ?, ?
            from patient_staging order by external_id
            on conflict (organization_id, external_id) do update set
                name = coalesce(%1$s.name, %2$s.name),
                first_name = coalesce(%1$s.first_name, %2$s.first_name),
                last_name = coalesce(%1$s.last_name, %2$s.last_name),
                birth_date = coalesce(%1$s.birth_date, %2$s.birth_date),
                sex = coalesce(%1$s.sex, %2$s.sex),
                phone = coalesce(%1$s.phone, %2$s.phone),
                email = coalesce(%1$s.email, %2$s.email),
                diagnosis = coalesce(%1$s.diagnosis, %2$s.diagnosis),
                zip = coalesce(%1$s.zip, %2$s.zip),
                attributes = coalesce(%1$s.attributes, %2$s.attributes),
                anonymized = patient.anonymized or excluded.anonymized,
                updated_at = excluded.updated_at
            returning id, external_id, (xmax = 0) as inserted
            """;

    private static final String MERGE_PATIENTS_UPLOAD_WINS = MERGE_PATIENTS.formatted("excluded", "patient");
    private static final String MERGE_PATIENTS_STORED_WINS = MERGE_PATIENTS.formatted("patient", "excluded");
    private static final String ADD_TO_GROUP = """
            insert into patient_group_member (organization_id, group_id, patient_id, added_at)
            select ?, ?, id, ? from unnest(?::bigint[]) as member(id) order by id
            on conflict do nothing
            """;
    private static final String EVENT_STAGING = """
            create temp table event_staging (
                patient_id bigint, event_id varchar(200), event_date varchar(40), event_type varchar(200),
                event_value varchar(2000), unit varchar(100), attributes text
            ) on commit drop
            """;
    private static final String COPY_EVENTS = """
            copy event_staging (patient_id, event_id, event_date, event_type, event_value, unit, attributes)
            from stdin (format csv)
            """;
    /**
     * One pass over the staged events against the stored ones: changed events are updated in place,
     * new ones inserted, unchanged ones left alone (not locked, not rewritten). New events go in by a
     * plain insert, because ON CONFLICT's speculative insertion doubles the cost of bulk inserts; a
     * concurrent upload of the same new events then makes one of the two fail on the primary key, and
     * its caller retries it (the retry finds the events stored).
     */
    private static final String MERGE_EVENTS = """
            with changed as (
                select s.*, e.patient_id is not null as stored
                from event_staging s
                left join patient_event e on e.patient_id = s.patient_id and e.event_id = s.event_id
                where e.patient_id is null
                   or (e.event_date, e.event_type, e.event_value, e.unit, e.attributes)
                      is distinct from (s.event_date, s.event_type, s.event_value, s.unit, s.attributes)
            ), updated as (
                update patient_event e set event_date = c.event_date, event_type = c.event_type,
                                           event_value = c.event_value, unit = c.unit, attributes = c.attributes,
                                           updated_at = ?
                from changed c
                where c.stored and e.patient_id = c.patient_id and e.event_id = c.event_id
            )
            insert into patient_event (patient_id, event_id, organization_id, event_date, event_type, event_value,
                                       unit, attributes, updated_at)
            select c.patient_id, c.event_id, ?, c.event_date, c.event_type, c.event_value, c.unit, c.attributes, ?
            from changed c
            where not c.stored
            order by c.patient_id, c.event_id
            """;

    private final DataSource dataSource;

    PostgresPatientWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public StoredPatients upsertPatients(
            OrganizationId organizationId,
            List<PatientFacts> patients,
            Precedence precedence,
            boolean anonymized,
            Instant now) {
        var copy = new CopyText();
        for (PatientFacts p : patients) {
            copy.row(
                    p.externalId(),
                    p.name(),
                    p.firstName(),
                    p.lastName(),
                    p.birthDate() == null ? null : p.birthDate().toString(),
                    p.sex(),
                    p.phone(),
                    p.email(),
                    p.diagnosis(),
                    p.zip(),
                    JsonColumns.toJson(p.attributes()));
        }
        return withConnection(connection -> {
            execute(connection, PATIENT_STAGING);
            copyIn(connection, COPY_PATIENTS, copy);
            String merge =
                    precedence == Precedence.UPLOAD_WINS ? MERGE_PATIENTS_UPLOAD_WINS : MERGE_PATIENTS_STORED_WINS;
            Map<String, Long> ids = new HashMap<>(patients.size() * 2);
            Set<String> created = new HashSet<>();
            try (var statement = connection.prepareStatement(merge)) {
                statement.setString(1, organizationId.value());
                statement.setBoolean(2, anonymized);
                statement.setObject(3, TimeColumns.of(now));
                statement.setObject(4, TimeColumns.of(now));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(2), rows.getLong(1));
                        if (rows.getBoolean(3)) {
                            created.add(rows.getString(2));
                        }
                    }
                }
            }
            execute(connection, "drop table patient_staging");
            return new StoredPatients(ids, created);
        });
    }

    @Override
    public void addToGroup(OrganizationId organizationId, String groupId, Collection<Long> patientIds, Instant now) {
        withConnection(connection -> {
            try (var statement = connection.prepareStatement(ADD_TO_GROUP)) {
                statement.setString(1, organizationId.value());
                statement.setString(2, groupId);
                statement.setObject(3, TimeColumns.of(now));
                statement.setArray(4, connection.createArrayOf("bigint", patientIds.toArray()));
                statement.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void upsertEvents(
            OrganizationId organizationId, StoredPatients patients, List<EventFacts> events, Instant now) {
        var copy = new CopyText();
        for (EventFacts e : events) {
            copy.row(
                    String.valueOf(patients.idsByExternalId().get(e.externalId())),
                    e.eventId(),
                    e.date(),
                    e.type(),
                    e.value(),
                    e.unit(),
                    JsonColumns.toJson(e.attributes()));
        }
        withConnection(connection -> {
            // Sorting tens of thousands of rows in memory instead of spilling to disk.
            execute(connection, "set local work_mem = '64MB'");
            execute(connection, EVENT_STAGING);
            copyIn(connection, COPY_EVENTS, copy);
            try (var merge = connection.prepareStatement(MERGE_EVENTS)) {
                merge.setObject(1, TimeColumns.of(now));
                merge.setString(2, organizationId.value());
                merge.setObject(3, TimeColumns.of(now));
                merge.executeUpdate();
            }
            execute(connection, "drop table event_staging");
            return null;
        });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void copyIn(Connection connection, String sql, CopyText rows) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs on the transaction's connection (never a new one: the staging tables live in it). */
    private <T> T withConnection(ConnectionWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("23505")) {
                throw new DuplicateKeyException("A concurrent upload stored the same rows first", e);
            }
            // Deadlock, serialization failure, lock not available: a collision the caller retries.
            if (state.equals("40P01") || state.equals("40001") || state.equals("55P03")) {
                throw new PessimisticLockingFailureException("A concurrent upload holds the same rows", e);
            }
            throw new DataAccessResourceFailureException("Bulk write of patient data failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY's CSV format: null is an unquoted empty field, every value is quoted. */
    private static final class CopyText {
        private final StringBuilder text = new StringBuilder(64 * 1024);

        void row(String... fields) {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                String field = fields[i];
                if (field != null) {
                    text.append('"').append(field.replace("\"", "\"\"")).append('"');
                }
            }
            text.append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
