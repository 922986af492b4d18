package dev.chartroom.caseflow;

/** A medication on a case; missing parts read {@code "unknown"}. {@code source}: csv or consult-note. */
record CaseMedication(String name, String dosage, String frequency, String duration, String route, String source) {}
