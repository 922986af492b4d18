package dev.chartroom.patient;

import java.util.Map;
import java.util.Set;

/**
 * The ids of patients an upsert touched, by external id, and which of them it created.
 */
public record StoredPatients(Map<String, Long> idsByExternalId, Set<String> created) {}
