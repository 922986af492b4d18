package dev.chartroom.audit;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Records who read which patient data, and when (SPEC section 7). Reads are recorded as they are
 * answered; the log holds ids, never the data itself.
 */
@Repository
public class AuditLog {

    private static final String INSERT = """
            insert into audit_event (organization_id, actor, action, subject_type, subject_id, at)
            values (:organizationId, :actor, :action, :subjectType, :subjectId, :at)
            """;
    private static final String LIST = """
            select id, actor, action, subject_type, subject_id, at from audit_event
            where organization_id = :organizationId
              and (cast(:subjectType as varchar) is null or subject_type = :subjectType)
              and (cast(:subjectId as varchar) is null or subject_id = :subjectId)
              and id < :before
            order by id desc
            limit :limit
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A read through the API by a caller's key. */
    public void read(Caller caller, String action, String subjectType, String subjectId) {
        record(caller.organizationId(), "key:" + caller.keyId(), action, subjectType, subjectId);
    }

    /** A download through a signed URL: whoever holds the link. */
    public void download(OrganizationId organizationId, String subjectType, String subjectId) {
        record(organizationId, "signed-url", "download", subjectType, subjectId);
    }

    public List<AuditEvent> list(
            OrganizationId organizationId, String subjectType, String subjectId, long beforeId, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, row) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        TimeColumns.instant(rs, "at")))
                .list();
    }

    private void record(
            OrganizationId organizationId, String actor, String action, String subjectType, String subjectId) {
        jdbc.sql(INSERT)
                .param("organizationId", organizationId.value())
                .param("actor", actor)
                .param("action", action)
                .param("subjectType", subjectType)
                .param(
                        "subjectId",
                        subjectId == null || subjectId.length() <= 200 ? subjectId : subjectId.substring(0, 200))
                .param("at", TimeColumns.of(Instant.now(clock)))
                .update();
    }
}
