package dev.chartroom.apidocs;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credential styles of SPEC.md section 2 as OpenAPI security schemes. A style sent in several
 * headers is one requirement naming several schemes (all of them must be sent). Scheme names are the
 * header names the seeds use, so Swagger UI's Authorize dialog reads like the seeds.
 */
final class KeyStyles {

    static final String BEARER = "bearer";
    static final String X_API_KEY = "X-API-Key";
    static final String API_KEY = "API-KEY";
    static final String TENANT = "TENANT";
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    static final String ACCESS_TOKEN = "access_token";
    static final String ADMIN_TOKEN = "adminToken";

    /** {@code Authorization: Bearer <key>}: the patient upload contract's style. */
    static final SecurityRequirement BEARER_KEY = new SecurityRequirement().addList(BEARER);
    /** {@code X-API-Key: <key>}: patient PDF and typed CSV. */
    static final SecurityRequirement API_KEY_HEADER = new SecurityRequirement().addList(X_API_KEY);
    /** {@code API-KEY: <key>} with {@code TENANT: <organization id>}: bulk attachments. */
    static final SecurityRequirement TENANT_AND_KEY =
            new SecurityRequirement().addList(API_KEY).addList(TENANT);
    /** {@code client_id}, {@code client_secret} and {@code access_token: <organization id>}: documents by MRN. */
    static final SecurityRequirement CLIENT_CREDENTIALS =
            new SecurityRequirement().addList(CLIENT_ID).addList(CLIENT_SECRET).addList(ACCESS_TOKEN);
    /** {@code Authorization: Bearer <admin token>}: the admin API. */
    static final SecurityRequirement ADMIN = new SecurityRequirement().addList(ADMIN_TOKEN);

    /** Every style; the native API takes a key in any of them. */
    static final List<SecurityRequirement> ANY =
            List.of(BEARER_KEY, API_KEY_HEADER, TENANT_AND_KEY, CLIENT_CREDENTIALS);

    private KeyStyles() {}

    static Map<String, SecurityScheme> schemes() {
        var schemes = new LinkedHashMap<String, SecurityScheme>();
        schemes.put(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An organization's API key as `Authorization: Bearer <key>`."));
        schemes.put(X_API_KEY, header(X_API_KEY, "An organization's API key."));
        schemes.put(API_KEY, header(API_KEY, "An organization's API key; send TENANT beside it."));
        schemes.put(
                TENANT,
                header(TENANT, "The organization id the request acts on; another organization than the key's is 403."));
        schemes.put(
                CLIENT_ID,
                header(CLIENT_ID, "The client id of an API key (ci_…), shown once when the key is created."));
        schemes.put(CLIENT_SECRET, header(CLIENT_SECRET, "The client secret of that API key (cs_…)."));
        schemes.put(
                ACCESS_TOKEN,
                header(ACCESS_TOKEN, "The organization id the request acts on: the key's own organization."));
        schemes.put(
                ADMIN_TOKEN,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The admin token (CHARTROOM_ADMIN_TOKEN) as `Authorization: Bearer <token>`."));
        return schemes;
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(name)
                .description(description);
    }
}
