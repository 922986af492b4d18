package dev.chartroom.tenant;

import java.util.function.UnaryOperator;

/**
 * Reads every credential style of SPEC.md section 2 from request headers and checks it:
 * Bearer, {@code X-API-Key}, {@code API-KEY} (+ {@code TENANT}), and the client-credentials triple
 * {@code client_id} + {@code client_secret} + {@code access_token}.
 */
class CredentialCheck {

    private final ApiKeys keys;

    CredentialCheck(ApiKeys keys) {
        this.keys = keys;
    }

    /** @param header returns a request header by case-insensitive name, or null */
    Authentication check(UnaryOperator<String> header) {
        String clientId = header.apply("client_id");
        String clientSecret = header.apply("client_secret");
        String accessToken = header.apply("access_token");
        if (clientId != null || clientSecret != null || accessToken != null) {
            if (isBlank(clientId) || isBlank(clientSecret) || isBlank(accessToken)) {
                return new Authentication.Invalid();
            }
            return keys.byClientCredentials(clientId, clientSecret)
                    .map(caller -> actingOn(caller, accessToken.trim()))
                    .orElse(new Authentication.Invalid());
        }

        String key = bearer(header.apply("Authorization"));
        if (key == null) {
            key = header.apply("X-API-Key");
        }
        if (key == null) {
            key = header.apply("API-KEY");
        }
        if (key == null) {
            return new Authentication.Missing();
        }
        String tenant = header.apply("TENANT");
        return keys.byKey(key)
                .map(caller ->
                        tenant == null ? new Authentication.Authenticated(caller) : actingOn(caller, tenant.trim()))
                .orElse(new Authentication.Invalid());
    }

    private static Authentication actingOn(Caller caller, String organizationId) {
        return caller.organizationId().value().equals(organizationId)
                ? new Authentication.Authenticated(caller)
                : new Authentication.OtherOrganization(caller);
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
