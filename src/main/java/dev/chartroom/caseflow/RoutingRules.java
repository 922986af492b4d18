package dev.chartroom.caseflow;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One rule per NewConsult value; saving a rule for a value replaces the previous one. */
@Repository
class RoutingRules {

    private static final String UPDATE = """
            update routing_rule set agent = :agent where organization_id = :organizationId and new_consult = :newConsult
            """;
    private static final String INSERT = """
            insert into routing_rule (organization_id, new_consult, agent, created_at)
            values (:organizationId, :newConsult, :agent, :createdAt)
            """;
    private static final String LIST = """
            select new_consult, agent, created_at from routing_rule where organization_id = :organizationId
            order by new_consult desc
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    RoutingRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public RoutingRule save(OrganizationId organizationId, boolean newConsult, String agent) {
        int updated = jdbc.sql(UPDATE)
                .param("organizationId", organizationId.value())
                .param("newConsult", newConsult)
                .param("agent", agent)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql(INSERT)
                        .param("organizationId", organizationId.value())
                        .param("newConsult", newConsult)
                        .param("agent", agent)
                        .param("createdAt", TimeColumns.of(Instant.now(clock)))
                        .update();
            } catch (DuplicateKeyException concurrentSave) {
                return save(organizationId, newConsult, agent); // another request inserted it first: update it
            }
        }
        return agentFor(organizationId, newConsult).orElseThrow();
    }

    public List<RoutingRule> list(OrganizationId organizationId) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .query(RoutingRules::map)
                .list();
    }

    public Optional<RoutingRule> agentFor(OrganizationId organizationId, boolean newConsult) {
        return list(organizationId).stream()
                .filter(rule -> rule.newConsult() == newConsult)
                .findFirst();
    }

    private static RoutingRule map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RoutingRule(
                rs.getBoolean("new_consult"), rs.getString("agent"), TimeColumns.instant(rs, "created_at"));
    }
}
