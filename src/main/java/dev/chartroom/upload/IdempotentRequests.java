package dev.chartroom.upload;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored first answers to POSTs that carried an Idempotency-Key, per organization. */
@Repository
class IdempotentRequests {

    private static final String FIND = """
            select method, path, request_digest, status, content_type, body, started_at, completed_at from idempotent_request
            where organization_id = :organizationId and idempotency_key = :key
            """;
    private static final String START = """
            insert into idempotent_request (organization_id, idempotency_key, method, path, request_digest, started_at)
            values (:organizationId, :key, :method, :path, :digest, :startedAt)
            """;
    private static final String TAKE_OVER = """
            update idempotent_request set method = :method, path = :path, request_digest = :digest, status = null, content_type = null,
                body = null, started_at = :startedAt, completed_at = null
            where organization_id = :organizationId and idempotency_key = :key and started_at = :previousStart
            """;
    private static final String COMPLETE = """
            update idempotent_request set status = :status, content_type = :contentType, body = :body,
                completed_at = :completedAt
            where organization_id = :organizationId and idempotency_key = :key and started_at = :startedAt
            """;
    private static final String FORGET = """
            delete from idempotent_request
            where organization_id = :organizationId and idempotency_key = :key and started_at = :startedAt
            """;

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param digest the request's {@link RequestDigest}; null for answers stored before digests were kept */
    record Stored(
            String method,
            String path,
            String digest,
            Integer status,
            String contentType,
            byte[] body,
            Instant startedAt,
            Instant completedAt) {

        boolean completed() {
            return completedAt != null;
        }
    }

    Optional<Stored> find(OrganizationId organizationId, String key) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("key", key)
                .query((rs, row) -> new Stored(
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getString("request_digest"),
                        (Integer) rs.getObject("status"),
                        rs.getString("content_type"),
                        rs.getBytes("body"),
                        TimeColumns.instant(rs, "started_at"),
                        TimeColumns.instant(rs, "completed_at")))
                .optional();
    }

    /** Claims the key for a request starting now; false when another request holds it. */
    boolean start(OrganizationId organizationId, String key, String method, String path, String digest, Instant now) {
        try {
            return jdbc.sql(START)
                            .param("organizationId", organizationId.value())
                            .param("key", key)
                            .param("method", method)
                            .param("path", path)
                            .param("digest", digest)
                            .param("startedAt", TimeColumns.of(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Claims a key whose earlier holder is expired (answer too old, or a request that never finished). */
    boolean takeOver(
            OrganizationId organizationId,
            String key,
            String method,
            String path,
            String digest,
            Instant previousStart,
            Instant now) {
        return jdbc.sql(TAKE_OVER)
                        .param("method", method)
                        .param("path", path)
                        .param("digest", digest)
                        .param("startedAt", TimeColumns.of(now))
                        .param("organizationId", organizationId.value())
                        .param("key", key)
                        .param("previousStart", TimeColumns.of(previousStart))
                        .update()
                == 1;
    }

    void complete(
            OrganizationId organizationId,
            String key,
            Instant startedAt,
            int status,
            String contentType,
            byte[] body,
            Instant now) {
        jdbc.sql(COMPLETE)
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("completedAt", TimeColumns.of(now))
                .param("organizationId", organizationId.value())
                .param("key", key)
                .param("startedAt", TimeColumns.of(startedAt))
                .update();
    }

    void forget(OrganizationId organizationId, String key, Instant startedAt) {
        jdbc.sql(FORGET)
                .param("organizationId", organizationId.value())
                .param("key", key)
                .param("startedAt", TimeColumns.of(startedAt))
                .update();
    }

    static boolean expired(Stored stored, Instant now, Duration answerTtl, Duration abandonedAfter) {
        return stored.completed()
                ? stored.completedAt().plus(answerTtl).isBefore(now)
                : stored.startedAt().plus(abandonedAfter).isBefore(now);
    }
}
