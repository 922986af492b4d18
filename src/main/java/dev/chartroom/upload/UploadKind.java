package dev.chartroom.upload;

/**
 * What an upload was, as the contracts record it: the patient upload's four kinds and the typed
 * CSV contract's three types. {@link #value()} is what is stored and shown ({@link Upload#kind()}
 * reads it back as text, so that kinds an older version stored still read).
 */
public enum UploadKind {
    PATIENT_CSV("patient-csv"),
    EVENT_CSV("event-csv"),
    PATIENT_PDF("patient-pdf"),
    PATIENT_TXT("patient-txt"),
    APPOINTMENTS("appointments"),
    MEDICATIONS("medications"),
    CONSULT_NOTES("consult-notes");

    private final String value;

    UploadKind(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
