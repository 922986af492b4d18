package dev.chartroom.upload;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.jobs.FailedStep;
import dev.chartroom.jobs.StepFailures;
import dev.chartroom.tenant.OrganizationId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored uploads, their row errors and failed derived steps. Writes join the caller's transaction. */
@Repository
public class Uploads {

    public static final String PROCESSED = "processed";

    private static final String INSERT = """
            insert into upload (id, organization_id, kind, file_name, size, sha256, status, group_id, anonymize,
                                row_count, expected_count, stored_count, error_count, received_at, finished_at)
            values (:id, :organizationId, :kind, :fileName, :size, :sha256, :status, :groupId, :anonymize,
                    :rows, :expected, :stored, :errorCount, :receivedAt, :finishedAt)
            """;
    private static final String INSERT_ERROR = """
            insert into upload_row_error (organization_id, upload_id, position, row_number, column_name, reason)
            values (?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            id, kind, file_name, size, sha256, status, group_id, anonymize, row_count, expected_count, stored_count,
            error_count, received_at, finished_at
            """;
    private static final String FIND = """
            select %s from upload where organization_id = :organizationId and id = :id
            """.formatted(COLUMNS);
    private static final String LIST = """
            select %s from upload
            where organization_id = :organizationId
              and (cast(:fileName as varchar) is null or file_name = :fileName)
              and (cast(:kind as varchar) is null or kind = :kind)
            order by received_at desc, id desc
            limit :limit
            """.formatted(COLUMNS);
    private static final String SAME_FILE = """
            select %s from upload
            where organization_id = :organizationId and sha256 = :sha256 and kind = :kind
              and coalesce(group_id, '') = coalesce(cast(:groupId as varchar), '') and status = :status
            order by received_at, id
            limit 1
            """.formatted(COLUMNS);
    private static final String ERRORS_OF = """
            select upload_id, row_number, column_name, reason from upload_row_error
            where organization_id = :organizationId and upload_id in (:ids)
            order by upload_id, position
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final Clock clock;
    private final StepFailures stepFailures;
    private final SecureRandom random = new SecureRandom();

    Uploads(JdbcClient jdbc, JdbcTemplate batchJdbc, Clock clock, StepFailures stepFailures) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.clock = clock;
        this.stepFailures = stepFailures;
    }

    /** A fresh upload id, to be recorded with {@link #recordProcessed}. */
    public String newId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return "upl_" + HexFormat.of().formatHex(bytes);
    }

    /** Records a finished upload with its counts and row errors. */
    public Upload recordProcessed(
            OrganizationId organizationId,
            String id,
            NewUpload upload,
            Instant receivedAt,
            Upload.Counts counts,
            List<RowError> errors) {
        Instant finished = Instant.now(clock);
        jdbc.sql(INSERT)
                .param("id", id)
                .param("organizationId", organizationId.value())
                .param("kind", upload.kind().value())
                .param("fileName", upload.fileName())
                .param("size", upload.size())
                .param("sha256", upload.sha256())
                .param("status", PROCESSED)
                .param("groupId", upload.groupId())
                .param("anonymize", upload.anonymize())
                .param("rows", counts.rows())
                .param("expected", counts.expected())
                .param("stored", counts.stored())
                .param("errorCount", errors.size())
                .param("receivedAt", TimeColumns.of(receivedAt))
                .param("finishedAt", TimeColumns.of(finished))
                .update();
        if (!errors.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(errors.size());
            for (int i = 0; i < errors.size(); i++) {
                RowError error = errors.get(i);
                rows.add(new Object[] {
                    organizationId.value(), id, i, error.row(), error.column(), truncate(error.reason())
                });
            }
            batchJdbc.batchUpdate(INSERT_ERROR, rows);
        }
        return new Upload(
                id,
                upload.kind().value(),
                upload.fileName(),
                upload.size(),
                upload.sha256(),
                PROCESSED,
                upload.groupId(),
                upload.anonymize(),
                receivedAt,
                finished,
                new Upload.Counts(counts.rows(), counts.expected(), counts.stored(), errors.size()),
                errors,
                List.of());
    }

    /** An earlier processed upload of the same bytes, of the same kind, into the same group. */
    public Optional<Upload> sameFile(OrganizationId organizationId, String sha256, UploadKind kind, String groupId) {
        return jdbc.sql(SAME_FILE)
                .param("organizationId", organizationId.value())
                .param("sha256", sha256)
                .param("kind", kind.value())
                .param("groupId", groupId)
                .param("status", PROCESSED)
                .query((rs, row) -> map(rs, List.of()))
                .optional();
    }

    public Optional<Upload> find(OrganizationId organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query((rs, row) -> map(rs, List.of()))
                .optional()
                .map(upload -> withErrors(organizationId, upload));
    }

    public List<Upload> list(OrganizationId organizationId, String fileName, String kind, int limit) {
        List<Upload> listed = jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .param("fileName", fileName)
                .param("kind", kind)
                .param("limit", limit)
                .query((rs, row) -> map(rs, List.of()))
                .list();
        return withErrors(organizationId, listed);
    }

    /** The row errors of several uploads in one query. */
    private List<Upload> withErrors(OrganizationId organizationId, List<Upload> uploads) {
        if (uploads.isEmpty()) {
            return uploads;
        }
        Map<String, List<RowError>> errors = new HashMap<>();
        jdbc.sql(ERRORS_OF)
                .param("ids", uploads.stream().map(Upload::id).toList())
                .param("organizationId", organizationId.value())
                .query(rs -> {
                    long line = rs.getLong("row_number");
                    errors.computeIfAbsent(rs.getString("upload_id"), k -> new ArrayList<>())
                            .add(new RowError(
                                    rs.wasNull() ? null : line, rs.getString("column_name"), rs.getString("reason")));
                });
        Map<String, List<FailedStep>> failed = stepFailures.ofUploads(
                organizationId, uploads.stream().map(Upload::id).toList());
        return uploads.stream()
                .map(u -> new Upload(
                        u.id(),
                        u.kind(),
                        u.fileName(),
                        u.size(),
                        u.sha256(),
                        u.status(),
                        u.groupId(),
                        u.anonymize(),
                        u.receivedAt(),
                        u.finishedAt(),
                        u.counts(),
                        errors.getOrDefault(u.id(), List.of()),
                        failed.getOrDefault(u.id(), List.of())))
                .toList();
    }

    private Upload withErrors(OrganizationId organizationId, Upload upload) {
        return withErrors(organizationId, List.of(upload)).getFirst();
    }

    private static String truncate(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }

    private static Upload map(java.sql.ResultSet rs, List<RowError> errors) throws java.sql.SQLException {
        return new Upload(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("file_name"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("status"),
                rs.getString("group_id"),
                rs.getBoolean("anonymize"),
                TimeColumns.instant(rs, "received_at"),
                TimeColumns.instant(rs, "finished_at"),
                new Upload.Counts(
                        rs.getInt("row_count"),
                        rs.getInt("expected_count"),
                        rs.getInt("stored_count"),
                        rs.getInt("error_count")),
                errors,
                List.of());
    }
}
