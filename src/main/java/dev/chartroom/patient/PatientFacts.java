package dev.chartroom.patient;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an upload states about one patient, keyed by the organization's own id (MRN). Null means
 * "not stated": it never erases a stored value.
 *
 * @param attributes every further field, by its column name
 */
public record PatientFacts(
        String externalId,
        String name,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String sex,
        String phone,
        String email,
        String diagnosis,
        String zip,
        Map<String, String> attributes) {

    /** The attribute that names the rules a de-identified record was stored under. */
    public static final String DEIDENTIFIED_BY = "deidentified_by";

    /** The same facts with {@code attributes} instead of these. */
    public PatientFacts withAttributes(Map<String, String> attributes) {
        return new PatientFacts(
                externalId, name, firstName, lastName, birthDate, sex, phone, email, diagnosis, zip, attributes);
    }

    public static PatientFacts withExternalId(String externalId) {
        return new PatientFacts(externalId, null, null, null, null, null, null, null, null, null, Map.of());
    }
}
