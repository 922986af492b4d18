package dev.chartroom.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the document says per path, decided the way the application decides it: which key style an
 * operation takes (the contracts their seed's, {@code /admin} the admin token, the rest of the
 * tenant paths any style, signed file URLs none), the {@code Idempotency-Key} header of every
 * tenant POST, and one entry for the patient PDF path that is also served with a trailing slash.
 */
final class OperationRules implements OpenApiCustomizer {

    /** A seed contract: its path, the operation id a generated client names it by, and its key style. */
    record Contract(String path, String operationId, SecurityRequirement keyStyle) {}

    static final List<Contract> CONTRACTS = List.of(
            new Contract("/api/pandora/upload-v2/upload", "uploadPatientRecords", KeyStyles.BEARER_KEY),
            new Contract("/patients/{patient_id}/pdf", "uploadPatientPdf", KeyStyles.API_KEY_HEADER),
            new Contract("/v1/documents", "uploadDocument", KeyStyles.CLIENT_CREDENTIALS),
            new Contract("/api/v1/csv", "uploadCsv", KeyStyles.API_KEY_HEADER),
            new Contract("/attachments/bulk", "addAttachmentsBulk", KeyStyles.TENANT_AND_KEY));

    /** Served too (the seed's own example uses it), but a second entry would only duplicate the first. */
    static final String PATIENT_PDF_WITH_SLASH = "/patients/{patient_id}/pdf/";

    /** The paths the authentication interceptor guards with an organization's key. */
    private static final List<String> TENANT_PREFIXES = List.of("/v1/", "/api/", "/patients/", "/attachments/");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().remove(PATIENT_PDF_WITH_SLASH);
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    var contract = CONTRACTS.stream()
                            .filter(c -> c.path().equals(path))
                            .findFirst();
                    boolean tenant = TENANT_PREFIXES.stream().anyMatch(path::startsWith);
                    if (contract.isPresent() && method == PathItem.HttpMethod.POST) {
                        operation.setOperationId(contract.get().operationId());
                        // The seed's own style first; every other style is accepted on every tenant path too.
                        var styles = new ArrayList<SecurityRequirement>(
                                List.of(contract.get().keyStyle()));
                        KeyStyles.ANY.stream()
                                .filter(style -> !style.equals(contract.get().keyStyle()))
                                .forEach(styles::add);
                        operation.setSecurity(styles);
                    } else if (path.startsWith("/admin/")) {
                        operation.setSecurity(List.of(KeyStyles.ADMIN));
                    } else if (tenant) {
                        operation.setSecurity(new ArrayList<>(KeyStyles.ANY));
                    } else {
                        // A signed URL carries its own authorization: no key, and nothing there answers 401.
                        operation.setSecurity(List.of());
                        if (operation.getResponses() != null) {
                            operation.getResponses().remove("401");
                        }
                    }
                    if (tenant && method == PathItem.HttpMethod.POST) {
                        idempotent(operation);
                    }
                    binaryIsNotJson(operation);
                }));
    }

    /** JSON is the default media type of an answer; a file answer is bytes of its own type instead. */
    private static void binaryIsNotJson(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().values().forEach(response -> {
            Content content = response.getContent();
            MediaType json = content == null ? null : content.get("application/json");
            if (json != null
                    && json.getSchema() != null
                    && "binary".equals(json.getSchema().getFormat())) {
                content.remove("application/json");
                content.addMediaType("application/octet-stream", json);
            }
        });
    }

    private static void idempotent(Operation operation) {
        operation.addParametersItem(new HeaderParameter()
                .name("Idempotency-Key")
                .required(false)
                .schema(new StringSchema().minLength(1).maxLength(255))
                .description("Any unique string: a retry with the same key gets the first answer again "
                        + "(marked Idempotent-Replayed: true) and ingests nothing twice."));
        // Refused in the operation's own error shape: the one its 401 (every tenant operation has one) documents.
        Map<String, ApiResponse> responses = operation.getResponses();
        Content refusal = responses.containsKey("401") ? responses.get("401").getContent() : null;
        responses.putIfAbsent(
                "409",
                new ApiResponse()
                        .description("A request with this Idempotency-Key is still in progress")
                        .content(refusal));
        if (responses.containsKey("422")) {
            var existing = responses.get("422");
            existing.setDescription(
                    existing.getDescription() + "; or the Idempotency-Key was used for another request");
        } else {
            responses.put(
                    "422",
                    new ApiResponse()
                            .description("The Idempotency-Key was used for another request")
                            .content(refusal));
        }
    }
}
