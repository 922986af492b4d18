package dev.chartroom.patient;

import java.util.Map;

/** One stored event of a patient, as the record shows it. */
record PatientEvent(
        String eventId, String date, String type, String value, String unit, Map<String, String> attributes) {}
