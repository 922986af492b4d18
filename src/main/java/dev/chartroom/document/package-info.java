/**
 * Documents of patients: content sniffing, text extraction, storage of the bytes with their
 * metadata all or none ({@link dev.chartroom.document.DocumentStorage}), thumbnails made in the
 * background ({@link dev.chartroom.document.DocumentThumbnails}), and expiring, organization-bound
 * download URLs ({@link dev.chartroom.document.SignedUrls}) served under {@code /files} without an
 * API key. {@link dev.chartroom.document.Documents} is the entry point for stored documents;
 * {@link dev.chartroom.document.DocumentDecoding} reads arriving files within the decoding budgets
 * (pixels, inflated bytes, time) on a few threads of their own.
 */
package dev.chartroom.document;
