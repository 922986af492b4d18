package dev.chartroom.intake.patientpdf;

/** The seed's error body: {@code {"detail":"..."}}. */
record PatientPdfError(String detail) {}
