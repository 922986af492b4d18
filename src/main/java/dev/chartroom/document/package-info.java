/**
 * Documents of patients: content sniffing, text extraction, storage of the bytes with their
 * metadata all or none ({@link dev.chartroom.document.DocumentStorage}), thumbnails made in the
 * background ({@link dev.chartroom.document.DocumentThumbnails}), and expiring, organization-bound
 * download URLs ({@link dev.chartroom.document.SignedUrls}) served under {@code /files} without an
 * API key. {@link dev.chartroom.document.Documents} is the entry point for stored documents.
 */
package dev.chartroom.document;
