package dev.chartroom.document;

import java.time.Instant;

/** A stored file of a patient, with its metadata. The bytes live in the blob store under {@code blobKey}. */
public record Document(String id, Long patientId, String uploadId, String fileName, String contentType, long size,
                       String sha256, String blobKey, String folder, String notes, String status, Instant createdAt) {
}
