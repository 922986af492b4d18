package dev.chartroom.storage;

/** What a put stored: its key, its size in bytes and the SHA-256 of its content (hex). */
public record StoredBlob(BlobKey key, long size, String sha256) {}
