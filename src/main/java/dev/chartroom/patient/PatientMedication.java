package dev.chartroom.patient;

/** A medication read out of one of the patient's files; {@code source} names the file ({@code document:<id>}). */
public record PatientMedication(String name, String dosage, String frequency, String route, String source) {
}
