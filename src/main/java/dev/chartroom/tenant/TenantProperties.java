package dev.chartroom.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminToken bearer token of the admin API (env
 *                   {@code CHARTROOM_ADMIN_TOKEN}); unset closes the admin API and lets a first
 *                   start create the demo organization
 */
@ConfigurationProperties("chartroom")
record TenantProperties(String adminToken) {}
