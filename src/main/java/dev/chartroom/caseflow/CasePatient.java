package dev.chartroom.caseflow;

import java.time.LocalDate;

/** The patient of a case, as the case shows it. */
record CasePatient(long id, String externalId, String name, String firstName, String lastName, LocalDate birthDate) {}
