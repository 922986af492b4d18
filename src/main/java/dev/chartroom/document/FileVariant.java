package dev.chartroom.document;

import java.util.Arrays;
import java.util.Optional;

/** What a signed URL serves of a document: its file, or its thumbnail. */
enum FileVariant {
    CONTENT("content"),
    THUMBNAIL("thumbnail");

    private final String path;

    FileVariant(String path) {
        this.path = path;
    }

    /** The last path segment of the URL. */
    public String path() {
        return path;
    }

    static Optional<FileVariant> ofPath(String path) {
        return Arrays.stream(values()).filter(v -> v.path.equals(path)).findFirst();
    }
}
