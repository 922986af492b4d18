package dev.chartroom.document;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a document is in its processing; {@link #value()} is what is stored and shown. */
public enum DocumentStatus {
    /** Stored, waiting to be matched to its patient and read (a document-by-MRN upload). */
    PENDING("pending"),
    PROCESSED("processed"),
    /** Processing gave up; the document's failure reason says why. */
    FAILED("failed");

    private final String value;

    DocumentStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static DocumentStatus of(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown document status " + value));
    }
}
