package dev.chartroom.patient;

import java.util.Map;

/** One timed fact about a patient (vital, lab, …), keyed by the patient's external id and its own event id. */
public record EventFacts(
        String externalId,
        String eventId,
        String date,
        String type,
        String value,
        String unit,
        Map<String, String> attributes) {}
