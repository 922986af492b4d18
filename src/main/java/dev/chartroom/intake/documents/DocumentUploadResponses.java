package dev.chartroom.intake.documents;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The bodies of {@code POST /v1/documents}. */
final class DocumentUploadResponses {

    static final String ACCEPTED = "Document uploaded successfully. It will be processed soon.";

    private DocumentUploadResponses() {}

    /** The seed's 200 body. */
    record Accepted(
            boolean success,
            String message,
            @JsonProperty("document_id") String documentId) {}

    /** Every refusal: {@code {"success":false,"error":"<code>","message":"..."}}. */
    record Error(boolean success, String error, String message) {}
}
