package dev.chartroom.patient;

/** What a patient listing is narrowed to; null parts do not narrow. */
record PatientFilter(String externalId, String groupId, String q) {}
