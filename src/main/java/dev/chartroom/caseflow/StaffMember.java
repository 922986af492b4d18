package dev.chartroom.caseflow;

import java.time.Instant;

/** A staff member a document can be assigned to ({@code emr_assigned_to_id}) while active. */
public record StaffMember(String id, String name, boolean active, Instant createdAt) {}
