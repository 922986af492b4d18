package dev.chartroom.tenant;

import java.time.Instant;

/** A tenant: owns every patient, file and setting below it. */
public record Organization(String id, String name, Instant createdAt) {
}
