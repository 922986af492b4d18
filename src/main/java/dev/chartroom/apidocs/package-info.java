/**
 * The OpenAPI document at {@code /v3/api-docs} (and Swagger UI): what a client generator needs
 * beyond the controllers' own annotations — title and version, the key styles as security
 * schemes and which operation takes which, the native API's error responses, and nothing of
 * Chartroom's internals (the resolved {@link dev.chartroom.tenant.Caller}).
 */
package dev.chartroom.apidocs;
