package dev.chartroom.support;

import dev.chartroom.ChartroomApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the database the
 * build selected (H2 in a temporary data folder, or PostgreSQL), driven through real HTTP.
 * Each test makes its own organizations, so tests never see each other's data.
 */
@SpringBootTest(classes = ChartroomApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
    protected static final Path DATA_DIR = temporaryFolder();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("chartroom.data-dir", DATA_DIR::toString);
        registry.add("chartroom.admin-token", () -> ADMIN_TOKEN);
        registry.add("chartroom.webhooks.allow-private-addresses", () -> "true");
        // Every context of a test run shares the database on PostgreSQL and may run any delivery: all retry fast.
        registry.add("chartroom.webhooks.retry-initial-delay", () -> "100ms");
        TestDatabase.settings().forEach((key, value) -> registry.add(key, () -> value));
    }

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    /** Creates an organization with a fresh id through the admin API, and one key for it. */
    protected TestOrganization newOrganization() {
        return newOrganization(http());
    }

    public static TestOrganization newOrganization(Http http) {
        String id = "org-" + UUID.randomUUID().toString().substring(0, 12);
        var created = http.postJson(
                "/admin/v1/organizations",
                "{\"id\":\"" + id + "\",\"name\":\"Test clinic\"}",
                "Authorization",
                "Bearer " + ADMIN_TOKEN);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an organization: " + created);
        }
        var key = http.postJson(
                        "/admin/v1/organizations/" + id + "/api-keys", "{}", "Authorization", "Bearer " + ADMIN_TOKEN)
                .json();
        return new TestOrganization(
                id,
                key.get("id").asString(),
                key.get("key").asString(),
                key.get("clientId").asString(),
                key.get("clientSecret").asString());
    }

    /** Makes anonymization the organization's default through the admin API (as an operator would). */
    protected void anonymizeUploadsOf(TestOrganization organization) {
        var changed = http().send(
                        "PATCH",
                        "/admin/v1/organizations/" + organization.id(),
                        "application/json",
                        "{\"anonymizeUploads\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Authorization",
                        "Bearer " + ADMIN_TOKEN);
        if (changed.status() != 200 || !changed.json().get("anonymizeUploads").asBoolean()) {
            throw new IllegalStateException("could not make anonymization the default: " + changed);
        }
    }

    public static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("chartroom-test-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
