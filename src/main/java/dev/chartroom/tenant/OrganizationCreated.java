package dev.chartroom.tenant;

/**
 * Published inside the transaction that creates an organization, so that other modules can give
 * it what every organization starts with (the patient module adds the group {@code default}).
 */
public record OrganizationCreated(OrganizationId organizationId) {}
