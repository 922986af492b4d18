package dev.chartroom.patient;

/** An allergy read out of one of the patient's files; {@code source} names the file ({@code document:<id>}). */
record PatientAllergy(String substance, String reaction, String source) {}
