/**
 * Documents of patients: content sniffing, text extraction, storage of the bytes with their
 * metadata (and, as features arrive, thumbnails and signed URLs).
 */
package dev.chartroom.document;
