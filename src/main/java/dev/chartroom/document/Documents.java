package dev.chartroom.document;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.storage.StoredBlob;
import dev.chartroom.tenant.OrganizationId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored documents of each organization. Rows are written in the caller's transaction. */
@Repository
public class Documents {

    private static final String INSERT = """
            insert into document (id, organization_id, patient_id, upload_id, file_name, content_type, size, sha256,
                                  blob_key, folder, notes, status, extracted_text, created_at, updated_at,
                                  name, external_id, note_id, patient_mrn, assigned_to, is_reviewed, is_high_priority)
            values (:id, :organizationId, :patientId, :uploadId, :fileName, :contentType, :size, :sha256,
                    :blobKey, :folder, :notes, :status, :extractedText, :createdAt, :createdAt,
                    :name, :externalId, :noteId, :patientMrn, :assignedTo, :reviewed, :highPriority)
            """;
    private static final String COLUMNS = """
            id, patient_id, upload_id, file_name, content_type, size, sha256, blob_key, folder, notes, status, created_at,
            name, external_id, note_id, patient_mrn, assigned_to, is_reviewed, is_high_priority, thumbnail_key,
            failure_reason, updated_at, thumbnail_failure
            """;
    private static final String OF_PATIENT = """
            select %s from document where organization_id = :organizationId and patient_id = :patientId
            order by created_at, id
            """.formatted(COLUMNS);
    private static final String FIND = """
            select %s from document where organization_id = :organizationId and id = :id
            """.formatted(COLUMNS);
    private static final String REFERENCES_BLOB = """
            select count(*) from document
            where organization_id = :organizationId and (blob_key = :blobKey or thumbnail_key = :blobKey)
            """;
    private static final String MARK_PROCESSED = """
            update document set status = 'processed', patient_id = :patientId, extracted_text = :extractedText,
                                failure_reason = null, updated_at = :now
            where organization_id = :organizationId and id = :id and status = 'pending'
            """;
    private static final String MARK_FAILED = """
            update document set status = 'failed', failure_reason = :reason, updated_at = :now
            where organization_id = :organizationId and id = :id and status = 'pending'
            """;
    private static final String SET_THUMBNAIL = """
            update document set thumbnail_key = :thumbnailKey, updated_at = :now
            where organization_id = :organizationId and id = :id
            """;
    private static final String SET_THUMBNAIL_FAILURE = """
            update document set thumbnail_failure = :reason, updated_at = :now
            where organization_id = :organizationId and id = :id and thumbnail_key is null
            """;
    private static final String NOTE_CREATED_AT = """
            select min(created_at) as created_at from document where organization_id = :organizationId and note_id = :noteId
            """;
    private static final String EXTRACTED_TEXT = """
            select extracted_text from document where organization_id = :organizationId and id = :id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Documents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What to record about a file whose bytes are already in the blob store: either a patient's
     * file, read at once ({@link #ofPatient}), or one filed into a folder that waits to be matched
     * to its patient and read ({@link #awaitingPatient}).
     */
    public record NewDocument(
            Long patientId,
            String uploadId,
            String fileName,
            ContentKind kind,
            StoredBlob blob,
            String folder,
            String notes,
            DocumentStatus status,
            String extractedText) {

        /** @param uploadId the upload it came with, when there is one */
        public static NewDocument ofPatient(
                long patientId,
                String uploadId,
                String fileName,
                ContentKind kind,
                StoredBlob blob,
                String extractedText) {
            return new NewDocument(
                    patientId, uploadId, fileName, kind, blob, null, null, DocumentStatus.PROCESSED, extractedText);
        }

        public static NewDocument awaitingPatient(
                String fileName, ContentKind kind, StoredBlob blob, String folder, String notes) {
            return new NewDocument(null, null, fileName, kind, blob, folder, notes, DocumentStatus.PENDING, null);
        }
    }

    /**
     * How a document is filed beyond its file: the prefix of its id ({@code doc}, {@code pdf}, {@code att}),
     * a display name, flags, an assignee, the organization's own ids, and the MRN it was sent for.
     */
    public record Filing(
            String idPrefix,
            String name,
            boolean reviewed,
            boolean highPriority,
            String assignedTo,
            String externalId,
            String noteId,
            String patientMrn) {

        public static final Filing NONE = new Filing("doc", null, false, false, null, null, null, null);

        public Filing {
            if (idPrefix == null || !idPrefix.matches("[a-z]{2,8}")) {
                throw new IllegalArgumentException("an id prefix is 2 to 8 lowercase letters");
            }
        }
    }

    public Document store(OrganizationId organizationId, NewDocument document) {
        return store(organizationId, document, Filing.NONE);
    }

    public Document store(OrganizationId organizationId, NewDocument document, Filing filing) {
        // 12 random bytes: ids are unguessable as well as unique, and fit the 40-character column.
        String id = filing.idPrefix() + "_" + HexFormat.of().formatHex(randomBytes(12));
        Instant now = Instant.now(clock);
        jdbc.sql(INSERT)
                .param("id", id)
                .param("organizationId", organizationId.value())
                .param("patientId", document.patientId())
                .param("uploadId", document.uploadId())
                .param("fileName", document.fileName())
                .param("contentType", document.kind().mediaType())
                .param("size", document.blob().size())
                .param("sha256", document.blob().sha256())
                .param("blobKey", document.blob().key().value())
                .param("folder", document.folder())
                .param("notes", document.notes())
                .param("status", document.status().value())
                .param("extractedText", document.extractedText())
                .param("createdAt", TimeColumns.of(now))
                .param("name", filing.name())
                .param("externalId", filing.externalId())
                .param("noteId", filing.noteId())
                .param("patientMrn", filing.patientMrn())
                .param("assignedTo", filing.assignedTo())
                .param("reviewed", filing.reviewed())
                .param("highPriority", filing.highPriority())
                .update();
        return new Document(
                id,
                document.patientId(),
                document.uploadId(),
                document.fileName(),
                document.kind().mediaType(),
                document.blob().size(),
                document.blob().sha256(),
                document.blob().key().value(),
                document.folder(),
                document.notes(),
                document.status(),
                now,
                filing.name(),
                filing.externalId(),
                filing.noteId(),
                filing.patientMrn(),
                filing.assignedTo(),
                filing.reviewed(),
                filing.highPriority(),
                null,
                null,
                now,
                null);
    }

    public List<Document> ofPatient(OrganizationId organizationId, long patientId) {
        return jdbc.sql(OF_PATIENT)
                .param("organizationId", organizationId.value())
                .param("patientId", patientId)
                .query(Documents::map)
                .list();
    }

    public Optional<Document> find(OrganizationId organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query(Documents::map)
                .optional();
    }

    /** The text read from the document's file, if any. */
    public Optional<String> extractedText(OrganizationId organizationId, String id) {
        return jdbc.sql(EXTRACTED_TEXT)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query((rs, row) -> rs.getString("extracted_text"))
                .optional();
    }

    /** Whether any document of the organization keeps its bytes or its thumbnail under this blob key. */
    public boolean referencesBlob(OrganizationId organizationId, String blobKey) {
        return jdbc.sql(REFERENCES_BLOB)
                        .param("organizationId", organizationId.value())
                        .param("blobKey", blobKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Files a pending document under its patient; false when it was not pending (already decided). */
    public boolean markProcessed(OrganizationId organizationId, String id, long patientId, String extractedText) {
        return jdbc.sql(MARK_PROCESSED)
                        .param("patientId", patientId)
                        .param("extractedText", extractedText)
                        .param("now", TimeColumns.of(Instant.now(clock)))
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Records why a pending document could not be filed; false when it was not pending (already decided). */
    public boolean markFailed(OrganizationId organizationId, String id, String reason) {
        return jdbc.sql(MARK_FAILED)
                        .param("reason", reason)
                        .param("now", TimeColumns.of(Instant.now(clock)))
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Records the document's thumbnail; false when the document is gone. */
    public boolean setThumbnail(OrganizationId organizationId, String id, String thumbnailKey) {
        return jdbc.sql(SET_THUMBNAIL)
                        .param("thumbnailKey", thumbnailKey)
                        .param("now", TimeColumns.of(Instant.now(clock)))
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Records why the document can have no thumbnail, so that none is tried again; false when it is gone or has one. */
    public boolean setThumbnailFailure(OrganizationId organizationId, String id, String reason) {
        return jdbc.sql(SET_THUMBNAIL_FAILURE)
                        .param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                        .param("now", TimeColumns.of(Instant.now(clock)))
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** When the organization's first attachment of a note was stored; empty for a note without any. */
    public Optional<Instant> noteCreatedAt(OrganizationId organizationId, String noteId) {
        return jdbc.sql(NOTE_CREATED_AT)
                .param("organizationId", organizationId.value())
                .param("noteId", noteId)
                .query((rs, row) -> Optional.ofNullable(TimeColumns.instant(rs, "created_at")))
                .single();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Document map(ResultSet rs, int row) throws SQLException {
        long patientId = rs.getLong("patient_id");
        Long patient = rs.wasNull() ? null : patientId;
        return new Document(
                rs.getString("id"),
                patient,
                rs.getString("upload_id"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("blob_key"),
                rs.getString("folder"),
                rs.getString("notes"),
                DocumentStatus.of(rs.getString("status")),
                TimeColumns.instant(rs, "created_at"),
                rs.getString("name"),
                rs.getString("external_id"),
                rs.getString("note_id"),
                rs.getString("patient_mrn"),
                rs.getString("assigned_to"),
                rs.getBoolean("is_reviewed"),
                rs.getBoolean("is_high_priority"),
                rs.getString("thumbnail_key"),
                rs.getString("failure_reason"),
                TimeColumns.instant(rs, "updated_at"),
                rs.getString("thumbnail_failure"));
    }
}
