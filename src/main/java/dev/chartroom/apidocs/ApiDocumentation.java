package dev.chartroom.apidocs;

import dev.chartroom.tenant.Caller;
import dev.chartroom.web.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, version, security schemes and the rules that complete it. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String TITLE = "Chartroom";

    static final String DESCRIPTION = """
            A self-hosted, multi-tenant patient-record intake service. It serves five existing intake \
            contracts exactly (patient upload, patient PDF, document by MRN, typed CSV, bulk attachments), \
            each with its own key style and error shape, and a native `/v1` API to read back what came in \
            and configure an organization.

            Every tenant endpoint takes an organization's API key; each contract is documented with its \
            seed's style and the native API with all of them: `Authorization: Bearer <key>`, \
            `X-API-Key: <key>`, `API-KEY: <key>` with `TENANT: <organization id>`, or `client_id` + \
            `client_secret` + `access_token: <organization id>`. The admin API (`/admin/v1`) takes the \
            admin token as a Bearer credential. Every tenant POST accepts an `Idempotency-Key` header.""";

    static {
        // Resolved from the request's credentials, never sent by a client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI chartroomOpenApi(ObjectProvider<BuildProperties> build) {
        var components = new Components().securitySchemes(KeyStyles.schemes());
        ModelConverters.getInstance(true).read(ApiError.class).forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title(TITLE).version(version(build)).description(DESCRIPTION))
                .components(components);
    }

    @Bean
    OpenApiCustomizer operationRules() {
        return new OperationRules();
    }

    @Bean
    OperationCustomizer nativeApiResponses() {
        return new NativeApiResponses();
    }

    /** The project version written by the build (spring-boot-maven-plugin's build-info goal). */
    private static String version(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return properties == null || properties.getVersion() == null ? "unknown" : properties.getVersion();
    }
}
