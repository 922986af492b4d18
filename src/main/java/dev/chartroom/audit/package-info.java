/**
 * The audit log: every read of patient data, by whom (an API key, or the holder of a signed URL),
 * of what, and when; readable by the organization at {@code /v1/audit}.
 */
package dev.chartroom.audit;
