package dev.chartroom.apidocs;

import dev.chartroom.web.NativeApi;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * The errors every native API operation can answer, in {@link dev.chartroom.web.ApiError}'s shape
 * (what {@code NativeApiErrors} serves): 400 for a bad parameter or body, 401 and 403 from the key
 * check, and 404 where a path names something. An operation's own annotations win. Also gives each
 * native operation an id that does not depend on the order controllers are scanned in.
 */
final class NativeApiResponses implements OperationCustomizer {

    static final String API_ERROR = "ApiError";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), NativeApi.class)) {
            return operation;
        }
        operation.setOperationId(operationId(handlerMethod));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        add(operation, "400", "A parameter or the body is invalid");
        add(operation, "401", "Missing or invalid credentials");
        add(operation, "403", "The credentials do not give access to that organization");
        boolean namesSomething = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        if (namesSomething) {
            add(operation, "404", "Not found (in this organization)");
        }
        return operation;
    }

    /**
     * {@code patientList}, {@code adminCreateKey}: the controller's noun and the method, so that ids
     * stay the same when controllers are added (springdoc would number clashing names in scan order).
     */
    static String operationId(HandlerMethod handlerMethod) {
        String type = handlerMethod.getBeanType().getSimpleName().replaceFirst("Api$", "");
        String method = handlerMethod.getMethod().getName();
        return Character.toLowerCase(type.charAt(0))
                + type.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }

    private static void add(Operation operation, String status, String description) {
        operation
                .getResponses()
                .computeIfAbsent(
                        status,
                        s -> new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + API_ERROR)))));
    }
}
