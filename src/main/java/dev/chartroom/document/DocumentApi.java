package dev.chartroom.document;

import dev.chartroom.audit.AuditLog;
import dev.chartroom.tenant.Caller;
import dev.chartroom.web.NativeApi;
import dev.chartroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/documents/{id}}: one stored document of the caller's organization. */
@RestController
@NativeApi
@Tag(name = "Documents", description = "Stored documents, their status and signed URLs")
class DocumentApi {

    private final Documents documents;
    private final SignedUrls urls;
    private final AuditLog audit;

    DocumentApi(Documents documents, SignedUrls urls, AuditLog audit) {
        this.documents = documents;
        this.urls = urls;
        this.audit = audit;
    }

    @GetMapping("/v1/documents/{id}")
    @Operation(
            summary = "One document",
            description = "Status pending, processed or failed (with failureReason); "
                    + "url and thumbnailUrl are signed and expire.")
    DocumentView get(Caller caller, @PathVariable String id) {
        DocumentView view = documents
                .find(caller.organizationId(), id)
                .map(d -> DocumentView.of(caller.organizationId(), d, urls))
                .orElseThrow(() -> new NotFoundException("document_not_found", "No document with that id."));
        audit.read(caller, "read", "document", id);
        return view;
    }
}
