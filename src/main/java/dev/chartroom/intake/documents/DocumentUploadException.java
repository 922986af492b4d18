package dev.chartroom.intake.documents;

import org.springframework.http.HttpStatus;

/** A refusal in the document contract's terms: a status, a machine code and a sentence. */
class DocumentUploadException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    DocumentUploadException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    static DocumentUploadException badRequest(String code, String message) {
        return new DocumentUploadException(HttpStatus.BAD_REQUEST, code, message);
    }
}
