package dev.chartroom.intake.patientpdf;

import org.springframework.http.HttpStatus;

/** A refusal in the patient PDF contract's terms: a status and the sentence for {@code {"detail":...}}. */
class PatientPdfException extends RuntimeException {

    private final HttpStatus status;

    PatientPdfException(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static PatientPdfException badRequest(String detail) {
        return new PatientPdfException(HttpStatus.BAD_REQUEST, detail);
    }

    static PatientPdfException patientNotFound() {
        return new PatientPdfException(HttpStatus.NOT_FOUND, "Patient not found.");
    }
}
