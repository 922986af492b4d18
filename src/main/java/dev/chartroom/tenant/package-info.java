/**
 * Organizations (tenants), their API keys, and the filter that resolves who is calling.
 *
 * <p>Other modules see a request's organization as a {@link dev.chartroom.tenant.Caller}
 * controller parameter; they never read credentials themselves.
 */
package dev.chartroom.tenant;
