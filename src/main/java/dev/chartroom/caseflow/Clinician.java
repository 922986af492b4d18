package dev.chartroom.caseflow;

import java.time.Instant;

/** A clinician an appointment's AppointmentDoctor must name (by last name) while active. */
record Clinician(long id, String firstName, String lastName, boolean active, Instant createdAt) {}
