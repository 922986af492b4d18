/**
 * Organizations (tenants), their API keys, and the filter that resolves who is calling.
 *
 * <p>Other modules see a request's organization as a {@link dev.chartroom.tenant.Caller}
 * controller parameter; they never read credentials themselves. They carry it as an
 * {@link dev.chartroom.tenant.OrganizationId}, down to the SQL parameter, where it is a plain string again.
 */
package dev.chartroom.tenant;
