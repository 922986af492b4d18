package dev.chartroom.document;

/** What a file is, judged by its bytes rather than its name. */
public enum ContentKind {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    /** Text with no NUL bytes that decodes as UTF-8 (or, failing that, Latin-1). */
    TEXT("text/plain"),
    /** Anything else: archives, office files, other images, executables, unreadable text. */
    OTHER("application/octet-stream");

    private final String mediaType;

    ContentKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
