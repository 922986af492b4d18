package dev.chartroom.webhook;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored webhook endpoints, always of one organization. */
@Repository
class WebhookEndpoints {

    private static final String COLUMNS = "id, url, events, secret, disabled_at, disabled_reason, created_at";
    private static final String INSERT = """
            insert into webhook_endpoint (id, organization_id, url, events, secret, created_at)
            values (:id, :organizationId, :url, :events, :secret, :createdAt)
            """;
    private static final String LIST = """
            select %s from webhook_endpoint where organization_id = :organizationId order by created_at, id
            """.formatted(COLUMNS);
    private static final String ENABLED = """
            select %s from webhook_endpoint
            where organization_id = :organizationId and disabled_at is null order by created_at, id
            """.formatted(COLUMNS);
    private static final String FIND = """
            select %s from webhook_endpoint where organization_id = :organizationId and id = :id
            """.formatted(COLUMNS);
    private static final String DELETE = """
            delete from webhook_endpoint where organization_id = :organizationId and id = :id
            """;
    private static final String DISABLE = """
            update webhook_endpoint set disabled_at = :disabledAt, disabled_reason = :reason
            where organization_id = :organizationId and id = :id and disabled_at is null
            """;

    private static final String IN_THE_CLEAR = "select id, secret from webhook_endpoint where secret not like 'v1:%'";
    private static final String SEAL =
            "update webhook_endpoint set secret = :sealed where id = :id and secret = :secret";

    private final JdbcClient jdbc;
    private final WebhookSecrets secrets;

    WebhookEndpoints(JdbcClient jdbc, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Encrypts the secrets stored in the clear before secrets were encrypted; run once at start. */
    int sealSecretsInTheClear() {
        int sealed = 0;
        for (var row : jdbc.sql(IN_THE_CLEAR)
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("secret")})
                .list()) {
            sealed += jdbc.sql(SEAL)
                    .param("sealed", secrets.seal(row[0], row[1]))
                    .param("id", row[0])
                    .param("secret", row[1])
                    .update();
        }
        return sealed;
    }

    WebhookEndpoint create(OrganizationId organizationId, String url, List<String> events, String secret, Instant now) {
        var endpoint =
                new WebhookEndpoint(UUID.randomUUID().toString(), url, List.copyOf(events), secret, null, null, now);
        jdbc.sql(INSERT)
                .param("id", endpoint.id())
                .param("organizationId", organizationId.value())
                .param("url", url)
                .param("events", String.join(" ", events))
                .param("secret", secrets.seal(endpoint.id(), secret))
                .param("createdAt", TimeColumns.of(now))
                .update();
        return endpoint;
    }

    List<WebhookEndpoint> list(OrganizationId organizationId) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .query(this::map)
                .list();
    }

    /** The organization's endpoints that can receive an event of this type. */
    List<WebhookEndpoint> subscribedTo(OrganizationId organizationId, String type) {
        return jdbc.sql(ENABLED).param("organizationId", organizationId.value()).query(this::map).stream()
                .filter(endpoint -> endpoint.subscribesTo(type))
                .toList();
    }

    Optional<WebhookEndpoint> find(OrganizationId organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Deletes the endpoint and its delivery log; false when the organization has no such endpoint. */
    boolean delete(OrganizationId organizationId, String id) {
        return jdbc.sql(DELETE)
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    void disable(OrganizationId organizationId, String id, String reason, Instant now) {
        jdbc.sql(DISABLE)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .param("reason", reason)
                .param("disabledAt", TimeColumns.of(now))
                .update();
    }

    private WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new WebhookEndpoint(
                id,
                rs.getString("url"),
                Arrays.asList(rs.getString("events").split(" ")),
                secrets.open(id, rs.getString("secret")),
                TimeColumns.instant(rs, "disabled_at"),
                rs.getString("disabled_reason"),
                TimeColumns.instant(rs, "created_at"));
    }
}
