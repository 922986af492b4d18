package dev.chartroom.caseflow;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Clinicians {

    private static final String INSERT = """
            insert into clinician (organization_id, first_name, last_name, active, created_at)
            values (:organizationId, :firstName, :lastName, :active, :createdAt)
            """;
    private static final String LIST = """
            select id, first_name, last_name, active, created_at from clinician
            where organization_id = :organizationId order by last_name, first_name, id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Clinicians(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Clinician create(OrganizationId organizationId, String firstName, String lastName, boolean active) {
        Instant now = Instant.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .param("organizationId", organizationId.value())
                .param("firstName", firstName)
                .param("lastName", lastName)
                .param("active", active)
                .param("createdAt", TimeColumns.of(now))
                .update(keys, "id");
        return new Clinician(keys.getKeyAs(Number.class).longValue(), firstName, lastName, active, now);
    }

    public List<Clinician> list(OrganizationId organizationId) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .query((rs, row) -> new Clinician(
                        rs.getLong("id"),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getBoolean("active"),
                        TimeColumns.instant(rs, "created_at")))
                .list();
    }
}
