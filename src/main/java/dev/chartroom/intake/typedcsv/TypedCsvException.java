package dev.chartroom.intake.typedcsv;

import org.springframework.http.HttpStatus;

/** A refusal of the typed CSV contract: its status and a stable error code. */
class TypedCsvException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    TypedCsvException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static TypedCsvException badRequest(String code, String message) {
        return new TypedCsvException(HttpStatus.BAD_REQUEST, code, message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
