package dev.chartroom.patient;

import java.util.List;
import java.util.Map;

/** The stored part of one patient's record. */
public record PatientDetails(
        PatientSummary summary,
        String phone,
        String email,
        String diagnosis,
        String zip,
        Map<String, String> attributes,
        String clinicalText,
        boolean anonymized,
        List<PatientEvent> events) {

    PatientDetails withEvents(List<PatientEvent> events) {
        return new PatientDetails(summary, phone, email, diagnosis, zip, attributes, clinicalText, anonymized, events);
    }
}
