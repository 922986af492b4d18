package dev.chartroom.jobs;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The job table. A claim is one conditional UPDATE that stamps a fresh lease token on the due rows;
 * every later change of a claimed job names that token, so a worker whose lease was taken over can
 * no longer complete, retry or bury the job.
 */
@Repository
class JobQueue {

    private static final String INSERT = """
            insert into job (id, type, organization_id, payload, status, run_at, attempts, enqueued_at, updated_at)
            values (:id, :type, :organizationId, :payload, 'ready', :runAt, 0, :now, :now)
            """;
    /*
     * The inner SELECT picks due jobs; on PostgreSQL FOR UPDATE SKIP LOCKED lets concurrent nodes pick
     * different rows instead of queueing behind each other. Correctness does not rest on it: the outer
     * WHERE repeats the due condition, which PostgreSQL re-checks on the latest row version after a
     * concurrent update (READ COMMITTED) and H2 checks under its row lock, so a row another node
     * claimed first is not updated again. H2 2.4 accepts SKIP LOCKED too, though it may skip a batch
     * that is partly locked; nodes on H2 are single anyway (the file is held by one process).
     */
    private static final String CLAIM = """
            update job
            set status = 'running', lease_token = :token, lease_until = :leaseUntil, attempts = attempts + 1,
                updated_at = :now
            where id in (
                    select id from job
                    where type in (:types)
                      and ((status = 'ready' and run_at <= :now) or (status = 'running' and lease_until < :now))
                    order by run_at
                    limit :limit
                    for update skip locked)
              and ((status = 'ready' and run_at <= :now) or (status = 'running' and lease_until < :now))
            """;
    private static final String CLAIMED = """
            select id, type, organization_id, payload, attempts, enqueued_at from job
            where lease_token = :token and status = 'running'
            order by run_at
            """;
    private static final String EXTEND = """
            update job set lease_until = :leaseUntil
            where id = :id and lease_token = :token and status = 'running'
            """;
    private static final String COMPLETE = """
            delete from job where id = :id and lease_token = :token and status = 'running'
            """;
    private static final String RESCHEDULE = """
            update job
            set status = 'ready', run_at = :runAt, lease_token = null, lease_until = null, last_error = :error,
                updated_at = :now
            where id = :id and lease_token = :token and status = 'running'
            """;
    private static final String BURY = """
            update job
            set status = 'dead', lease_token = null, lease_until = null, last_error = :error, updated_at = :now
            where id = :id and lease_token = :token and status = 'running'
            """;
    private static final String LIST = """
            select id, type, status, attempts, last_error, run_at, enqueued_at, updated_at from job
            where organization_id = :organizationId and status = :status
            order by updated_at desc, id
            limit :limit
            """;
    private static final String REVIVE = """
            update job
            set status = 'ready', run_at = :now, attempts = 0, enqueued_at = :now, updated_at = :now
            where organization_id = :organizationId and id = :id and status = 'dead'
            """;
    private static final String COUNT_DEAD = """
            select count(*) from job where status = 'dead'
            """;

    private final JdbcClient jdbc;

    JobQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String insert(OrganizationId organizationId, String type, String payload, Instant runAt, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql(INSERT)
                .param("id", id)
                .param("type", type)
                .param("organizationId", organizationId == null ? null : organizationId.value())
                .param("payload", payload)
                .param("runAt", TimeColumns.of(runAt))
                .param("now", TimeColumns.of(now))
                .update();
        return id;
    }

    /** Claims up to {@code limit} due jobs of these types (and jobs whose lease expired) under a new lease. */
    List<Claim> claim(Collection<String> types, int limit, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.sql(CLAIM)
                .param("token", token)
                .param("leaseUntil", TimeColumns.of(leaseUntil))
                .param("now", TimeColumns.of(now))
                .param("types", types)
                .param("limit", limit)
                .update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql(CLAIMED)
                .param("token", token)
                .query((rs, row) -> new Claim(job(rs), token))
                .list();
    }

    /** Extends a lease; false when the claim is no longer this worker's. */
    boolean extend(Claim claim, Instant leaseUntil) {
        return jdbc.sql(EXTEND)
                        .param("id", claim.job().id())
                        .param("token", claim.token())
                        .param("leaseUntil", TimeColumns.of(leaseUntil))
                        .update()
                == 1;
    }

    boolean complete(Claim claim) {
        return jdbc.sql(COMPLETE)
                        .param("id", claim.job().id())
                        .param("token", claim.token())
                        .update()
                == 1;
    }

    boolean reschedule(Claim claim, Instant runAt, String error, Instant now) {
        return jdbc.sql(RESCHEDULE)
                        .param("id", claim.job().id())
                        .param("token", claim.token())
                        .param("runAt", TimeColumns.of(runAt))
                        .param("error", error)
                        .param("now", TimeColumns.of(now))
                        .update()
                == 1;
    }

    boolean bury(Claim claim, String error, Instant now) {
        return jdbc.sql(BURY)
                        .param("id", claim.job().id())
                        .param("token", claim.token())
                        .param("error", error)
                        .param("now", TimeColumns.of(now))
                        .update()
                == 1;
    }

    List<JobSummary> list(OrganizationId organizationId, JobStatus status, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .param("status", status.value())
                .param("limit", limit)
                .query(JobQueue::summary)
                .list();
    }

    boolean revive(OrganizationId organizationId, String id, Instant now) {
        return jdbc.sql(REVIVE)
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .param("now", TimeColumns.of(now))
                        .update()
                == 1;
    }

    long countDead() {
        return jdbc.sql(COUNT_DEAD).query(Long.class).single();
    }

    /** A job and the lease token under which this worker holds it. */
    record Claim(Job job, String token) {}

    /** A system job has no organization: null in the column and in {@link Job}. */
    private static OrganizationId organizationId(String stored) {
        return stored == null ? null : new OrganizationId(stored);
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(
                rs.getString("id"),
                rs.getString("type"),
                organizationId(rs.getString("organization_id")),
                rs.getString("payload"),
                rs.getInt("attempts"),
                TimeColumns.instant(rs, "enqueued_at"));
    }

    private static JobSummary summary(ResultSet rs, int row) throws SQLException {
        return new JobSummary(
                rs.getString("id"),
                rs.getString("type"),
                JobStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                TimeColumns.instant(rs, "run_at"),
                TimeColumns.instant(rs, "enqueued_at"),
                TimeColumns.instant(rs, "updated_at"));
    }
}
