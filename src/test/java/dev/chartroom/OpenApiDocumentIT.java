package dev.chartroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.TestOrganization;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/**
 * The OpenAPI document at /v3/api-docs, fetched over HTTP and read by a real OpenAPI parser, is one a
 * client generator can use: each seed contract's multipart fields, its own key style, its errors,
 * and nothing internal.
 */
class OpenApiDocumentIT extends ApplicationTest {

    /** A seed contract: its path, key style (scheme names), multipart fields, which are required, which are files. */
    record Contract(
            String path, Set<String> keyStyle, List<String> fields, List<String> required, List<String> files) {}

    static final Contract PATIENT_UPLOAD = new Contract(
            "/api/pandora/upload-v2/upload",
            Set.of("bearer"),
            List.of("file", "teamId", "groupId", "anonymize", "columns"),
            List.of("file", "teamId", "groupId"),
            List.of("file"));
    static final Contract PATIENT_PDF = new Contract(
            "/patients/{patient_id}/pdf",
            Set.of("X-API-Key"),
            List.of("file", "filename"),
            List.of("file", "filename"),
            List.of("file"));
    static final Contract DOCUMENTS = new Contract(
            "/v1/documents",
            Set.of("client_id", "client_secret", "access_token"),
            List.of(
                    "folder_name",
                    "patient_mrn",
                    "document",
                    "emr_assigned_to_id",
                    "is_reviewed",
                    "notes",
                    "is_high_priority"),
            List.of("folder_name", "patient_mrn", "document"),
            List.of("document"));
    static final Contract TYPED_CSV = new Contract(
            "/api/v1/csv", Set.of("X-API-Key"), List.of("type", "file"), List.of("type", "file"), List.of("file"));
    static final Contract ATTACHMENTS = new Contract(
            "/attachments/bulk",
            Set.of("API-KEY", "TENANT"),
            List.of("patient_id", "attachments", "note_id", "names", "external_ids"),
            List.of("patient_id"),
            List.of("attachments"));

    static Stream<Arguments> contracts() {
        return Stream.of(PATIENT_UPLOAD, PATIENT_PDF, DOCUMENTS, TYPED_CSV, ATTACHMENTS)
                .map(c -> Arguments.of(c.path(), c));
    }

    @Autowired
    BuildProperties build;

    OpenAPI document;

    @BeforeEach
    void fetchAndParse() {
        Http.Response answer = http().get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.text(), null, new ParseOptions());
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        document = parsed.getOpenAPI();
        assertThat(document).isNotNull();
    }

    @Test
    void hasARealTitleVersionAndDescription() {
        assertThat(document.getInfo().getTitle()).isEqualTo("Chartroom");
        assertThat(document.getInfo().getVersion())
                .isEqualTo(build.getVersion())
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(document.getInfo().getDescription()).contains("intake", "X-API-Key", "Idempotency-Key");
    }

    @Test
    void listsEveryContractAndTheNativeReads() {
        assertThat(document.getPaths())
                .containsKeys(
                        PATIENT_UPLOAD.path(),
                        PATIENT_PDF.path(),
                        DOCUMENTS.path(),
                        TYPED_CSV.path(),
                        ATTACHMENTS.path(),
                        "/v1/documents/{id}",
                        "/v1/patients",
                        "/v1/patients/{id}",
                        "/v1/uploads/{id}");
    }

    @Test
    void noOperationHasACallerOrOtherInternalParameter() {
        operations().forEach((name, operation) -> {
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            assertThat(parameters).as(name).extracting(Parameter::getName).doesNotContain("caller", "tenant", "TENANT");
            assertThat(parameters)
                    .as(name)
                    .noneMatch(p -> p.getSchema() != null && p.getSchema().get$ref() != null);
        });
        assertThat(document.getComponents().getSchemas()).doesNotContainKey("Caller");
    }

    @Test
    void operationIdsAreUniqueAndStable() {
        var ids = operations().values().stream().map(Operation::getOperationId).toList();
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"));
        assertThat(ids)
                .contains(
                        "uploadPatientRecords",
                        "uploadPatientPdf",
                        "uploadDocument",
                        "uploadCsv",
                        "addAttachmentsBulk",
                        "patientList",
                        "patientGet");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void eachContractTakesItsSeedsMultipartFields(String path, Contract contract) {
        Operation upload = document.getPaths().get(path).getPost();
        assertThat(upload.getRequestBody().getContent()).containsOnlyKeys("multipart/form-data");
        Schema<?> form = resolve(
                upload.getRequestBody().getContent().get("multipart/form-data").getSchema());

        assertThat(form.getProperties()).containsOnlyKeys(contract.fields());
        assertThat(form.getRequired()).containsExactlyInAnyOrderElementsOf(contract.required());
        form.getProperties().forEach((field, schema) -> {
            Schema<?> value = "array".equals(type(schema)) ? schema.getItems() : schema;
            if (contract.files().contains(field)) {
                assertThat(value.getFormat()).as(field).isEqualTo("binary");
            } else {
                assertThat(value.getFormat()).as(field).isNotEqualTo("binary");
            }
        });
        List<Parameter> parameters = upload.getParameters() == null ? List.of() : upload.getParameters();
        assertThat(parameters).as("no field is a query parameter").noneMatch(p -> "query".equals(p.getIn()));
    }

    @Test
    void typedCsvTypeIsTheSeedsEnumAndAttachmentsAreSeveralFiles() {
        Schema<?> csv = resolve(document.getPaths()
                .get(TYPED_CSV.path())
                .getPost()
                .getRequestBody()
                .getContent()
                .get("multipart/form-data")
                .getSchema());
        assertThat(csv.getProperties().get("type").getEnum())
                .containsExactly("appointments", "medications", "consult-notes");
        Schema<?> attachments = resolve(document.getPaths()
                .get(ATTACHMENTS.path())
                .getPost()
                .getRequestBody()
                .getContent()
                .get("multipart/form-data")
                .getSchema());
        assertThat(type(attachments.getProperties().get("attachments"))).isEqualTo("array");
    }

    @Test
    void thePatientPdfIsListedOnceWithAnIntegerPatientId() {
        assertThat(document.getPaths()).doesNotContainKey("/patients/{patient_id}/pdf/");
        Parameter patientId = document.getPaths().get(PATIENT_PDF.path()).getPost().getParameters().stream()
                .filter(p -> p.getName().equals("patient_id"))
                .findFirst()
                .orElseThrow();
        assertThat(patientId.getIn()).isEqualTo("path");
        assertThat(type(patientId.getSchema())).isEqualTo("integer");
    }

    @Test
    void theKeyStylesAreSecuritySchemes() {
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertThat(schemes.get("bearer").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("bearer").getScheme()).isEqualTo("bearer");
        assertThat(schemes.get("adminToken").getScheme()).isEqualTo("bearer");
        for (String header : List.of("X-API-Key", "API-KEY", "TENANT", "client_id", "client_secret", "access_token")) {
            assertThat(schemes.get(header).getType()).as(header).isEqualTo(SecurityScheme.Type.APIKEY);
            assertThat(schemes.get(header).getIn()).as(header).isEqualTo(SecurityScheme.In.HEADER);
            assertThat(schemes.get(header).getName()).as(header).isEqualTo(header);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void eachContractNamesItsOwnSeedsKeyStyleFirstAndTakesEveryOther(String path, Contract contract) {
        List<SecurityRequirement> security =
                document.getPaths().get(path).getPost().getSecurity();
        assertThat(security).hasSize(4).doesNotHaveDuplicates();
        assertThat(security.getFirst().keySet()).isEqualTo(contract.keyStyle());
    }

    @Test
    void nativeOperationsTakeAnyKeyStyleAndAdminTheAdminToken() {
        Set<Set<String>> any = Set.of(
                Set.of("bearer"),
                Set.of("X-API-Key"),
                Set.of("API-KEY", "TENANT"),
                Set.of("client_id", "client_secret", "access_token"));
        for (String path : List.of("/v1/patients", "/v1/patients/{id}", "/v1/documents/{id}", "/v1/uploads/{id}")) {
            assertThat(styles(document.getPaths().get(path).getGet())).as(path).isEqualTo(any);
        }
        assertThat(styles(document.getPaths().get("/admin/v1/organizations").getPost()))
                .isEqualTo(Set.of(Set.of("adminToken")));
    }

    /** What Swagger UI's Authorize sends: each documented style, built from its schemes alone, is let in. */
    @Test
    void eachDocumentedKeyStyleAuthenticatesAsDocumented() {
        TestOrganization acme = newOrganization();
        Map<String, String> values = Map.of(
                "bearer",
                acme.key(),
                "X-API-Key",
                acme.key(),
                "API-KEY",
                acme.key(),
                "TENANT",
                acme.id(),
                "client_id",
                acme.clientId(),
                "client_secret",
                acme.clientSecret(),
                "access_token",
                acme.id());
        for (SecurityRequirement requirement :
                document.getPaths().get("/v1/patients").getGet().getSecurity()) {
            var headers = new ArrayList<String>();
            requirement.keySet().forEach(name -> {
                SecurityScheme scheme =
                        document.getComponents().getSecuritySchemes().get(name);
                if (scheme.getType() == SecurityScheme.Type.HTTP) {
                    headers.addAll(List.of("Authorization", "Bearer " + values.get(name)));
                } else {
                    headers.addAll(List.of(scheme.getName(), values.get(name)));
                }
            });
            assertThat(http().get("/v1/patients", headers.toArray(String[]::new))
                            .status())
                    .as(requirement.keySet().toString())
                    .isEqualTo(200);
        }
        assertThat(http().get("/v1/patients").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void a413IsDocumentedWhereABodyLimitApplies(String path, Contract contract) {
        assertThat(document.getPaths().get(path).getPost().getResponses()).containsKey("413");
    }

    @Test
    void eachContractsErrorsHaveItsOwnShape() {
        assertThat(errorFields(PATIENT_UPLOAD.path(), "400")).containsOnlyKeys("success", "error", "message");
        assertThat(errorFields(PATIENT_UPLOAD.path(), "413")).containsOnlyKeys("success", "error", "message");
        assertThat(errorFields(PATIENT_PDF.path(), "404")).containsOnlyKeys("detail");
        assertThat(errorFields(PATIENT_PDF.path(), "413")).containsOnlyKeys("detail");
        assertThat(errorFields(DOCUMENTS.path(), "400")).containsOnlyKeys("success", "error", "message");
        assertThat(errorFields(TYPED_CSV.path(), "422")).containsOnlyKeys("success", "error", "message");
        assertThat(errorFields(TYPED_CSV.path(), "401")).containsOnlyKeys("success", "error", "message");
        Map<String, Schema> invalid = errorFields(ATTACHMENTS.path(), "422");
        assertThat(invalid).containsOnlyKeys("detail");
        assertThat(resolve(invalid.get("detail").getItems()).getProperties()).containsOnlyKeys("loc", "msg", "type");
        Schema<?> nativeNotFound = resolve(document.getPaths()
                .get("/v1/patients/{id}")
                .getGet()
                .getResponses()
                .get("404")
                .getContent()
                .get("application/json")
                .getSchema());
        assertThat(nativeNotFound.getProperties()).containsOnlyKeys("error", "message");
        assertThat(document.getPaths().get("/v1/patients").getGet().getResponses())
                .containsKeys("200", "400", "401", "403");
    }

    @Test
    void everyTenantPostTakesAnIdempotencyKey() {
        operations().forEach((name, operation) -> {
            if (name.startsWith("POST /v1/")
                    || name.startsWith("POST /api/")
                    || name.startsWith("POST /patients/")
                    || name.startsWith("POST /attachments/")) {
                assertThat(operation.getParameters())
                        .as(name)
                        .anyMatch(p -> p.getName().equals("Idempotency-Key")
                                && p.getIn().equals("header"));
                assertThat(operation.getResponses()).as(name).containsKey("409");
            }
        });
    }

    private Map<String, Schema> errorFields(String path, String status) {
        var content = document.getPaths()
                .get(path)
                .getPost()
                .getResponses()
                .get(status)
                .getContent();
        assertThat(content).as(path + " " + status).containsKey("application/json");
        return resolve(content.get("application/json").getSchema()).getProperties();
    }

    private Map<String, Operation> operations() {
        var operations = new LinkedHashMap<String, Operation>();
        document.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private static Set<Set<String>> styles(Operation operation) {
        var styles = new HashSet<Set<String>>();
        operation.getSecurity().forEach(requirement -> styles.add(requirement.keySet()));
        return styles;
    }

    private Schema<?> resolve(Schema<?> schema) {
        if (schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring("#/components/schemas/".length());
        return document.getComponents().getSchemas().get(name);
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null
                ? null
                : schema.getTypes().stream()
                        .filter(t -> !t.equals("null"))
                        .findFirst()
                        .orElse(null);
    }
}
