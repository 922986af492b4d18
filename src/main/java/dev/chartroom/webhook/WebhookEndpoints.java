package dev.chartroom.webhook;

import dev.chartroom.db.TimeColumns;
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

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookEndpoint create(String organizationId, String url, List<String> events, String secret, Instant now) {
        var endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), url, List.copyOf(events), secret, null, null, now);
        jdbc.sql(INSERT)
                .param("id", endpoint.id()).param("organizationId", organizationId).param("url", url)
                .param("events", String.join(" ", events)).param("secret", secret)
                .param("createdAt", TimeColumns.of(now))
                .update();
        return endpoint;
    }

    List<WebhookEndpoint> list(String organizationId) {
        return jdbc.sql(LIST).param("organizationId", organizationId).query(WebhookEndpoints::map).list();
    }

    /** The organization's endpoints that can receive an event of this type. */
    List<WebhookEndpoint> subscribedTo(String organizationId, String type) {
        return jdbc.sql(ENABLED).param("organizationId", organizationId).query(WebhookEndpoints::map).stream()
                .filter(endpoint -> endpoint.subscribesTo(type))
                .toList();
    }

    Optional<WebhookEndpoint> find(String organizationId, String id) {
        return jdbc.sql(FIND).param("organizationId", organizationId).param("id", id)
                .query(WebhookEndpoints::map).optional();
    }

    /** Deletes the endpoint and its delivery log; false when the organization has no such endpoint. */
    boolean delete(String organizationId, String id) {
        return jdbc.sql(DELETE).param("organizationId", organizationId).param("id", id).update() == 1;
    }

    void disable(String organizationId, String id, String reason, Instant now) {
        jdbc.sql(DISABLE).param("organizationId", organizationId).param("id", id).param("reason", reason)
                .param("disabledAt", TimeColumns.of(now))
                .update();
    }

    private static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(rs.getString("id"), rs.getString("url"),
                Arrays.asList(rs.getString("events").split(" ")), rs.getString("secret"),
                TimeColumns.instant(rs, "disabled_at"), rs.getString("disabled_reason"),
                TimeColumns.instant(rs, "created_at"));
    }
}
