package dev.chartroom.intake.patientupload;

/** The seed's error body: {@code {"success":false,"error":"<code>","message":"..."}}. */
record PatientUploadError(boolean success, String error, String message) {

    static PatientUploadError of(String error, String message) {
        return new PatientUploadError(false, error, message);
    }
}
