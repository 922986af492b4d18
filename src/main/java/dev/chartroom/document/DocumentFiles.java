package dev.chartroom.document;

import dev.chartroom.audit.AuditLog;
import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.storage.MissingBlobException;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.web.ApiError;
import dev.chartroom.web.ForbiddenException;
import dev.chartroom.web.NativeApi;
import dev.chartroom.web.NotFoundException;
import dev.chartroom.web.ServerBusyException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves signed download URLs. These paths carry no API key (the tenant interceptor does not guard
 * {@code /files}); the signature is the credential, checked here before anything is looked up.
 */
@RestController
@NativeApi
@Tag(name = "Files", description = "Documents and thumbnails through signed, expiring URLs (no API key)")
class DocumentFiles {

    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);

    private final SignedUrls signedUrls;
    private final Documents documents;
    private final DocumentThumbnails thumbnails;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;

    DocumentFiles(
            SignedUrls signedUrls,
            Documents documents,
            DocumentThumbnails thumbnails,
            BlobStore blobs,
            AuditLog audit,
            Clock clock) {
        this.audit = audit;
        this.signedUrls = signedUrls;
        this.documents = documents;
        this.thumbnails = thumbnails;
        this.blobs = blobs;
        this.clock = clock;
    }

    @GetMapping(SignedUrls.PATH)
    @Operation(
            summary = "Download a document or its thumbnail through a signed URL",
            description = "Range requests are answered with 206. A changed or expired URL is 403. A stored file this "
                    + "server cannot read (its blob store is not the one the file went to) is 503 file_unavailable.")
    ResponseEntity<Resource> download(
            @PathVariable String organizationId,
            @PathVariable String documentId,
            @PathVariable String variant,
            @Parameter(description = "Expiry, epoch seconds") @RequestParam(required = false) String expires,
            @Parameter(description = "HMAC-SHA256, base64url") @RequestParam(required = false) String signature)
            throws IOException {
        FileVariant what = FileVariant.ofPath(variant).orElseThrow(DocumentFiles::notFound);
        switch (signedUrls.verify(organizationId, documentId, what, expires, signature)) {
            case VALID -> {}
            case EXPIRED -> throw new ForbiddenException("url_expired", "This link has expired: ask for a new one.");
            case INVALID -> throw new ForbiddenException("invalid_signature", "This link is not valid.");
        }
        // Only an id this server signed gets here, so it is one.
        OrganizationId organization = OrganizationId.of(organizationId);
        Document document = documents.find(organization, documentId).orElseThrow(DocumentFiles::notFound);
        audit.download(organization, what == FileVariant.THUMBNAIL ? "thumbnail" : "document", documentId);
        var headers = new HttpHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        long remaining = Math.max(0, Long.parseLong(expires) - clock.instant().getEpochSecond());
        headers.setCacheControl(
                CacheControl.maxAge(Duration.ofSeconds(remaining)).cachePrivate());
        if (what == FileVariant.THUMBNAIL) {
            BlobKey key = thumbnails
                    .ensure(organization, document)
                    .orElseThrow(() -> new NotFoundException("no_thumbnail", "This document has no thumbnail."));
            long size = blobs.size(key).orElseThrow(() -> new MissingBlobException(key, blobs));
            headers.setContentType(MediaType.IMAGE_PNG);
            return ResponseEntity.ok().headers(headers).body(new BlobResource(blobs, key, size));
        }
        BlobKey key = new BlobKey(document.blobKey());
        long size = blobs.size(key).orElseThrow(() -> new MissingBlobException(key, blobs));
        headers.setContentType(MediaType.parseMediaType(document.contentType()));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, SignedUrls.disposition(document));
        return ResponseEntity.ok().headers(headers).body(new BlobResource(blobs, key, size));
    }

    /** Every decoding thread stayed busy (or another busy refusal): come back later, in the native API's error shape. */
    @ExceptionHandler
    ResponseEntity<ApiError> busy(ServerBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(new ApiError("busy", e.getMessage()));
    }

    /**
     * The document exists but this node cannot read its bytes (a store not shared with the node that
     * stored them, or damage): an operator's problem, said in the log; the client gets a 503 in the
     * native API's shape, which another node behind the load balancer may not give.
     */
    @ExceptionHandler
    ResponseEntity<ApiError> missing(MissingBlobException e) {
        log.error("A signed download failed: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ApiError(
                        "file_unavailable", "This file is stored but cannot be read by this server right now."));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("not_found", "No such file.");
    }
}
