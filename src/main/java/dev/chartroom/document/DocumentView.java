package dev.chartroom.document;

import dev.chartroom.tenant.OrganizationId;
import java.time.Instant;

/**
 * A document as the native API shows it, with signed URLs of its file and thumbnail (valid for
 * {@code chartroom.documents.signed-url-ttl} from the answer).
 */
public record DocumentView(
        String id,
        Long patientId,
        String fileName,
        String name,
        String contentType,
        long size,
        String sha256,
        String folder,
        String notes,
        String status,
        String failureReason,
        boolean reviewed,
        boolean highPriority,
        String assignedTo,
        String externalId,
        String noteId,
        String patientMrn,
        String uploadId,
        String url,
        String thumbnailUrl,
        Instant createdAt,
        Instant updatedAt) {

    /** Signs URLs for the request being answered. */
    public static DocumentView of(OrganizationId organizationId, Document d, SignedUrls urls) {
        return new DocumentView(
                d.id(),
                d.patientId(),
                d.fileName(),
                d.name(),
                d.contentType(),
                d.size(),
                d.sha256(),
                d.folder(),
                d.notes(),
                d.status().value(),
                d.failureReason(),
                d.reviewed(),
                d.highPriority(),
                d.assignedTo(),
                d.externalId(),
                d.noteId(),
                d.patientMrn(),
                d.uploadId(),
                urls.content(organizationId, d),
                urls.thumbnail(organizationId, d),
                d.createdAt(),
                d.updatedAt());
    }
}
