package dev.chartroom.tenant;

import java.time.Instant;

/**
 * A tenant: owns every patient, file and setting below it.
 *
 * @param anonymizeUploads whether its patient uploads are de-identified unless one says {@code anonymize=false}
 */
record Organization(OrganizationId id, String name, Instant createdAt, boolean anonymizeUploads) {}
