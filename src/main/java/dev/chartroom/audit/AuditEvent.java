package dev.chartroom.audit;

import java.time.Instant;

/**
 * One recorded read.
 *
 * @param actor       {@code key:<key id>} for an API key, {@code signed-url} for a download link
 * @param action      e.g. {@code read}, {@code list}, {@code download}
 * @param subjectType e.g. {@code patient}, {@code case}, {@code document}, {@code upload}
 * @param subjectId   the id read, or the filter of a listing
 */
record AuditEvent(long id, String actor, String action, String subjectType, String subjectId, Instant at) {}
