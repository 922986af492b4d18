package dev.chartroom.caseflow;

/** An allergy on a case, with where it came from (consult-note). */
record CaseAllergy(String substance, String reaction, String source) {}
