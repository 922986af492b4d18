package dev.chartroom.intake.patientupload;

import org.springframework.http.HttpStatus;

/** A refusal in the patient upload contract's own terms: a status and one of the seed's error codes. */
class PatientUploadException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    PatientUploadException(HttpStatus status, String code, String message) {
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

    static PatientUploadException invalidFileType(String message) {
        return new PatientUploadException(HttpStatus.BAD_REQUEST, "invalid_file_type", message);
    }

    static PatientUploadException invalidCsvFormat(String message) {
        return new PatientUploadException(HttpStatus.BAD_REQUEST, "invalid_csv_format", message);
    }

    static PatientUploadException invalidRequest(String message) {
        return new PatientUploadException(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }
}
