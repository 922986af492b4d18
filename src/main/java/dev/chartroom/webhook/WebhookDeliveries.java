package dev.chartroom.webhook;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Announced events (their exact bodies) and the log of delivery attempts, always of one organization. */
@Repository
class WebhookDeliveries {

    private static final String INSERT_EVENT = """
            insert into webhook_event (id, organization_id, type, body, created_at)
            values (:id, :organizationId, :type, :body, :createdAt)
            """;
    private static final String FIND_EVENT = """
            select id, type, body from webhook_event where organization_id = :organizationId and id = :id
            """;
    private static final String INSERT_DELIVERY = """
            insert into webhook_delivery (id, organization_id, endpoint_id, event_id, event_type, attempt, status,
                                          status_code, error, attempted_at)
            values (:id, :organizationId, :endpointId, :eventId, :eventType, :attempt, :status, :statusCode, :error,
                    :attemptedAt)
            """;
    private static final String DELIVERY_COLUMNS =
            "id, event_id, event_type, attempt, status, status_code, error, attempted_at";
    private static final String LIST = """
            select %s from webhook_delivery
            where organization_id = :organizationId and endpoint_id = :endpointId
            order by attempted_at desc, id
            limit :limit
            """.formatted(DELIVERY_COLUMNS);
    private static final String FIND = """
            select %s from webhook_delivery
            where organization_id = :organizationId and endpoint_id = :endpointId and id = :id
            """.formatted(DELIVERY_COLUMNS);

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event as it was announced: the body every attempt sends. */
    record StoredEvent(String id, String type, String body) {}

    void insertEvent(OrganizationId organizationId, StoredEvent event, Instant createdAt) {
        jdbc.sql(INSERT_EVENT)
                .param("id", event.id())
                .param("organizationId", organizationId.value())
                .param("type", event.type())
                .param("body", event.body())
                .param("createdAt", TimeColumns.of(createdAt))
                .update();
    }

    Optional<StoredEvent> event(OrganizationId organizationId, String id) {
        return jdbc.sql(FIND_EVENT)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query((rs, row) -> new StoredEvent(rs.getString("id"), rs.getString("type"), rs.getString("body")))
                .optional();
    }

    Delivery record(
            OrganizationId organizationId,
            String endpointId,
            StoredEvent event,
            int attempt,
            WebhookSender.Attempt outcome,
            Instant at) {
        var delivery = new Delivery(
                UUID.randomUUID().toString(),
                event.id(),
                event.type(),
                attempt,
                outcome.succeeded() ? Delivery.SUCCEEDED : Delivery.FAILED,
                outcome.statusCode(),
                outcome.error(),
                at);
        jdbc.sql(INSERT_DELIVERY)
                .param("id", delivery.id())
                .param("organizationId", organizationId.value())
                .param("endpointId", endpointId)
                .param("eventId", event.id())
                .param("eventType", event.type())
                .param("attempt", attempt)
                .param("status", delivery.status())
                .param("statusCode", delivery.statusCode())
                .param(
                        "error",
                        delivery.error() == null || delivery.error().length() <= 300
                                ? delivery.error()
                                : delivery.error().substring(0, 300))
                .param("attemptedAt", TimeColumns.of(at))
                .update();
        return delivery;
    }

    /** The endpoint's latest attempts, newest first. */
    List<Delivery> list(OrganizationId organizationId, String endpointId, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .param("endpointId", endpointId)
                .param("limit", limit)
                .query(WebhookDeliveries::map)
                .list();
    }

    Optional<Delivery> find(OrganizationId organizationId, String endpointId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("endpointId", endpointId)
                .param("id", id)
                .query(WebhookDeliveries::map)
                .optional();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getInt("attempt"),
                rs.getString("status"),
                rs.getObject("status_code", Integer.class),
                rs.getString("error"),
                TimeColumns.instant(rs, "attempted_at"));
    }
}
