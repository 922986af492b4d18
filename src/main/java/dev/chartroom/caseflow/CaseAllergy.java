package dev.chartroom.caseflow;

/** An allergy on a case, with where it came from (consult-note). */
public record CaseAllergy(String substance, String reaction, String source) {
}
