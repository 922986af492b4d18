package dev.chartroom.upload;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The typed CSV contract's dedup: one claim per (organization, file name, type). The claim is
 * written first in an upload's transaction, so of two concurrent uploads of one name only one
 * processes; the other finds the claim and does nothing.
 */
@Repository
public class TypedCsvFiles {

    private static final String CLAIM = """
            insert into typed_csv_file (organization_id, file_name, csv_type, upload_id, size, uploaded_at)
            values (:organizationId, :fileName, :type, :uploadId, :size, :uploadedAt)
            """;
    private static final String FIND = """
            select file_name, csv_type, upload_id, size, uploaded_at from typed_csv_file
            where organization_id = :organizationId and file_name = :fileName and csv_type = :type
            """;

    private final JdbcClient jdbc;

    TypedCsvFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A processed file: what the seed's success body reports of it. */
    public record Processed(String fileName, String type, String uploadId, long size, Instant uploadedAt) {}

    /** Claims the name for this upload; false when it was processed (or is being processed) already. */
    public boolean claim(OrganizationId organizationId, Processed file) {
        try {
            return jdbc.sql(CLAIM)
                            .param("organizationId", organizationId.value())
                            .param("fileName", file.fileName())
                            .param("type", file.type())
                            .param("uploadId", file.uploadId())
                            .param("size", file.size())
                            .param("uploadedAt", TimeColumns.of(file.uploadedAt()))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Processed> find(OrganizationId organizationId, String fileName, String type) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("fileName", fileName)
                .param("type", type)
                .query((rs, row) -> new Processed(
                        rs.getString("file_name"),
                        rs.getString("csv_type"),
                        rs.getString("upload_id"),
                        rs.getLong("size"),
                        TimeColumns.instant(rs, "uploaded_at")))
                .optional();
    }
}
