package dev.chartroom.document;

import dev.chartroom.jobs.Failures;
import dev.chartroom.jobs.Job;
import dev.chartroom.jobs.JobHandler;
import dev.chartroom.jobs.Jobs;
import dev.chartroom.jobs.RetryLater;
import dev.chartroom.jobs.StepFailures;
import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.storage.MissingBlobException;
import dev.chartroom.storage.StoredBlob;
import dev.chartroom.tenant.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each document's thumbnail once and keeps it in the blob store: in the background after a
 * document is stored ({@link #requestFor}), or on the first request for it if that comes sooner.
 * Making one is deterministic and content-addressed, so doing it twice stores the same blob. When
 * one cannot be made (damaged, past a {@link DecodingBudget}) the reason is kept on the document and
 * it is never tried again. Decoding runs through {@link DocumentDecoding}'s bounded threads, and this
 * node never decodes the same document twice at once: a request arriving meanwhile waits for that result.
 */
@Component
public class DocumentThumbnails implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(DocumentThumbnails.class);

    static final String TYPE = "document.thumbnail";

    private final Documents documents;
    private final BlobStore blobs;
    private final DocumentDecoding decoding;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Clock clock;
    private final StepFailures stepFailures;
    private final TransactionTemplate transaction;
    private final Map<String, CompletableFuture<Optional<BlobKey>>> making = new ConcurrentHashMap<>();

    DocumentThumbnails(
            Documents documents,
            BlobStore blobs,
            DocumentDecoding decoding,
            Jobs jobs,
            JsonMapper json,
            Clock clock,
            StepFailures stepFailures,
            TransactionTemplate transaction) {
        this.stepFailures = stepFailures;
        this.transaction = transaction;
        this.documents = documents;
        this.blobs = blobs;
        this.decoding = decoding;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /** Enqueues making the document's thumbnail; call it in the transaction that stores the document. */
    public void requestFor(OrganizationId organizationId, String documentId) {
        jobs.enqueueFor(organizationId, TYPE, json.writeValueAsString(Map.of("documentId", documentId)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(Job job) throws IOException, RetryLater {
        JsonNode payload = json.readTree(job.payload());
        var document =
                documents.find(job.organizationId(), payload.get("documentId").asString());
        if (document.isPresent()) {
            try {
                ensure(job.organizationId(), document.get());
            } catch (MissingBlobException e) {
                log.error("Job {} ({}): {}", job.id(), TYPE, e.getMessage()); // retried: another node may read it
                throw e;
            } catch (DecodingBusyException e) {
                throw new RetryLater(
                        "every decoding thread was busy", clock.instant().plus(e.retryAfter()));
            }
        }
    }

    /** Making the thumbnail failed for good: the patient, the upload and its webhook say so. */
    @Override
    public void dead(Job job, Throwable cause) {
        var document = documents.find(
                job.organizationId(),
                json.readTree(job.payload()).get("documentId").asString());
        document.ifPresent(d -> transaction.executeWithoutResult(status -> failed(
                job.organizationId(),
                d,
                Failures.explain(cause) + ". The document itself is kept and can be downloaded; revive the job (POST "
                        + "/v1/jobs/" + job.id() + "/revive) to try again.",
                job.id())));
    }

    private void failed(OrganizationId organizationId, Document document, String why, String jobId) {
        stepFailures.record(
                organizationId,
                new StepFailures.Subject(document.id(), document.uploadId(), document.patientId()),
                StepFailures.THUMBNAIL,
                "No thumbnail could be made for document " + document.id() + ": " + why,
                jobId);
    }

    /**
     * The document's thumbnail, made now if it has none yet; empty when the file cannot be pictured
     * (now or before).
     *
     * @throws DecodingBusyException when every decoding thread stayed busy past the wait bound
     */
    Optional<BlobKey> ensure(OrganizationId organizationId, Document document) throws IOException {
        if (document.thumbnailKey() != null) {
            return Optional.of(new BlobKey(document.thumbnailKey()));
        }
        if (document.thumbnailFailure() != null) {
            return Optional.empty();
        }
        String key = organizationId + "/" + document.id();
        var mine = new CompletableFuture<Optional<BlobKey>>();
        var running = making.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Optional<BlobKey> made = make(organizationId, document);
            mine.complete(made);
            return made;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(key, mine);
        }
    }

    private static Optional<BlobKey> await(CompletableFuture<Optional<BlobKey>> running) throws IOException {
        try {
            return running.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        }
    }

    private Optional<BlobKey> make(OrganizationId organizationId, Document document) throws IOException {
        byte[] content;
        BlobKey source = new BlobKey(document.blobKey());
        try (InputStream in = blobs.open(source).orElseThrow(() -> new MissingBlobException(source, blobs))) {
            content = in.readAllBytes();
        }
        byte[] png;
        switch (decoding.thumbnail(kindOf(document.contentType()), content)) {
            case Thumbnails.Outcome.Made made -> png = made.png();
            case Thumbnails.Outcome.Refused refused -> {
                transaction.executeWithoutResult(status -> {
                    documents.setThumbnailFailure(organizationId, document.id(), refused.reason());
                    failed(
                            organizationId,
                            document,
                            refused.reason().replaceAll("[.\\s]+$", "") + ". The document itself is kept and can be "
                                    + "downloaded.",
                            null);
                });
                return Optional.empty();
            }
        }
        StoredBlob stored = blobs.put(organizationId, new ByteArrayInputStream(png));
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
