package dev.chartroom.document;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.storage.StoredBlob;
import java.security.SecureRandom;
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
                                  blob_key, folder, notes, status, extracted_text, created_at)
            values (:id, :organizationId, :patientId, :uploadId, :fileName, :contentType, :size, :sha256,
                    :blobKey, :folder, :notes, :status, :extractedText, :createdAt)
            """;
    private static final String COLUMNS = """
            id, patient_id, upload_id, file_name, content_type, size, sha256, blob_key, folder, notes, status, created_at
            """;
    private static final String OF_PATIENT = """
            select %s from document where organization_id = :organizationId and patient_id = :patientId
            order by created_at, id
            """.formatted(COLUMNS);
    private static final String FIND = """
            select %s from document where organization_id = :organizationId and id = :id
            """.formatted(COLUMNS);

    private static final String EXTRACTED_TEXT = """
            select extracted_text from document where organization_id = :organizationId and id = :id
            """;
    private static final String REFERENCES_BLOB = """
            select count(*) from document where organization_id = :organizationId and blob_key = :blobKey
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Documents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to record about a file whose bytes are already in the blob store. */
    public record NewDocument(Long patientId, String uploadId, String fileName, ContentKind kind, StoredBlob blob,
                              String folder, String notes, String status, String extractedText) {
    }

    public Document store(String organizationId, NewDocument document) {
        String id = "doc_" + HexFormat.of().formatHex(randomBytes(10));
        Instant now = Instant.now(clock);
        jdbc.sql(INSERT)
                .param("id", id)
                .param("organizationId", organizationId)
                .param("patientId", document.patientId())
                .param("uploadId", document.uploadId())
                .param("fileName", document.fileName())
                .param("contentType", document.kind().mediaType())
                .param("size", document.blob().size())
                .param("sha256", document.blob().sha256())
                .param("blobKey", document.blob().key().value())
                .param("folder", document.folder())
                .param("notes", document.notes())
                .param("status", document.status())
                .param("extractedText", document.extractedText())
                .param("createdAt", TimeColumns.of(now))
                .update();
        return new Document(id, document.patientId(), document.uploadId(), document.fileName(),
                document.kind().mediaType(), document.blob().size(), document.blob().sha256(),
                document.blob().key().value(), document.folder(), document.notes(), document.status(), now);
    }

    public List<Document> ofPatient(String organizationId, long patientId) {
        return jdbc.sql(OF_PATIENT).param("organizationId", organizationId).param("patientId", patientId)
                .query(Documents::map).list();
    }

    public Optional<Document> find(String organizationId, String id) {
        return jdbc.sql(FIND).param("organizationId", organizationId).param("id", id).query(Documents::map).optional();
    }

    /** The text read out of a document when it was stored; empty when it has none. */
    public Optional<String> extractedText(String organizationId, String id) {
        return jdbc.sql(EXTRACTED_TEXT).param("organizationId", organizationId).param("id", id)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(text -> text);
    }

    /** Whether any document of the organization keeps its bytes under this blob key. */
    public boolean referencesBlob(String organizationId, String blobKey) {
        return jdbc.sql(REFERENCES_BLOB).param("organizationId", organizationId).param("blobKey", blobKey)
                .query(Long.class).single() > 0;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Document map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long patientId = rs.getLong("patient_id");
        return new Document(rs.getString("id"), rs.wasNull() ? null : patientId, rs.getString("upload_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("blob_key"), rs.getString("folder"), rs.getString("notes"), rs.getString("status"),
                TimeColumns.instant(rs, "created_at"));
    }
}
