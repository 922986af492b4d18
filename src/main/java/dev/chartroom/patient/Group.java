package dev.chartroom.patient;

import java.time.Instant;

/** A named set of patients in an organization (the seeds' "Pandora group"). */
record Group(String id, String name, Instant createdAt) {}
