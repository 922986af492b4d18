package dev.chartroom.document;

import java.time.Instant;

/**
 * A stored file of a patient, with its metadata. The bytes live in the blob store under
 * {@code blobKey}; a thumbnail, once made, under {@code thumbnailKey}.
 *
 * @param patientId     null while a document-by-MRN upload waits to be matched (or when it failed to)
 * @param contentType   sniffed from the bytes, never taken from the request
 * @param failureReason why processing failed, in words shown to the organization; null otherwise
 * @param thumbnailFailure why no thumbnail could be made (it is not tried again); null otherwise
 */
public record Document(
        String id,
        Long patientId,
        String uploadId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String blobKey,
        String folder,
        String notes,
        DocumentStatus status,
        Instant createdAt,
        String name,
        String externalId,
        String noteId,
        String patientMrn,
        String assignedTo,
        boolean reviewed,
        boolean highPriority,
        String thumbnailKey,
        String failureReason,
        Instant updatedAt,
        String thumbnailFailure) {}
