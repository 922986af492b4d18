package dev.chartroom.document;

import dev.chartroom.jobs.Job;
import dev.chartroom.jobs.JobHandler;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.storage.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each document's thumbnail once and keeps it in the blob store: in the background after a
 * document is stored ({@link #requestFor}), or on the first request for it if that comes sooner.
 * Making one is deterministic and content-addressed, so doing it twice stores the same blob.
 */
@Component
public class DocumentThumbnails implements JobHandler {

    static final String TYPE = "document.thumbnail";

    private final Documents documents;
    private final BlobStore blobs;
    private final Thumbnails thumbnails;
    private final Jobs jobs;
    private final JsonMapper json;

    DocumentThumbnails(Documents documents, BlobStore blobs, Thumbnails thumbnails, Jobs jobs, JsonMapper json) {
        this.documents = documents;
        this.blobs = blobs;
        this.thumbnails = thumbnails;
        this.jobs = jobs;
        this.json = json;
    }

    /** Enqueues making the document's thumbnail; call it in the transaction that stores the document. */
    public void requestFor(String organizationId, String documentId) {
        jobs.enqueueFor(organizationId, TYPE, json.writeValueAsString(Map.of("documentId", documentId)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(Job job) throws IOException {
        JsonNode payload = json.readTree(job.payload());
        var document = documents.find(job.organizationId(), payload.get("documentId").asString());
        if (document.isPresent()) {
            ensure(job.organizationId(), document.get());
        }
    }

    /** The document's thumbnail, made now if it has none yet; empty when the file cannot be pictured. */
    Optional<BlobKey> ensure(String organizationId, Document document) throws IOException {
        if (document.thumbnailKey() != null) {
            return Optional.of(new BlobKey(document.thumbnailKey()));
        }
        Optional<byte[]> content;
        try (InputStream in = blobs.open(new BlobKey(document.blobKey())).orElse(null)) {
            if (in == null) {
                return Optional.empty();
            }
            content = thumbnails.of(kindOf(document.contentType()), in.readAllBytes());
        }
        if (content.isEmpty()) {
            return Optional.empty();
        }
        StoredBlob stored = blobs.put(organizationId, new ByteArrayInputStream(content.get()));
        if (!documents.setThumbnail(organizationId, document.id(), stored.key().value())
                && !documents.referencesBlob(organizationId, stored.key().value())) {
            blobs.delete(stored.key()); // the document was deleted meanwhile
            return Optional.empty();
        }
        return Optional.of(stored.key());
    }

    private static ContentKind kindOf(String mediaType) {
        for (ContentKind kind : ContentKind.values()) {
            if (kind.mediaType().equals(mediaType)) {
                return kind;
            }
        }
        return ContentKind.OTHER;
    }
}
