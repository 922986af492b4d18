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

@Repository
public class StaffMembers {

    private static final String UPDATE = """
            update staff_member set name = :name, active = :active
            where organization_id = :organizationId and id = :id
            """;
    private static final String INSERT = """
            insert into staff_member (organization_id, id, name, active, created_at)
            values (:organizationId, :id, :name, :active, :createdAt)
            """;
    private static final String FIND = """
            select id, name, active, created_at from staff_member where organization_id = :organizationId and id = :id
            """;
    private static final String LIST = """
            select id, name, active, created_at from staff_member where organization_id = :organizationId order by id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffMembers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds a staff member, or renames and (de)activates the one with that id. */
    public StaffMember save(OrganizationId organizationId, String id, String name, boolean active) {
        int updated = jdbc.sql(UPDATE)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .param("name", name)
                .param("active", active)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql(INSERT)
                        .param("organizationId", organizationId.value())
                        .param("id", id)
                        .param("name", name)
                        .param("active", active)
                        .param("createdAt", TimeColumns.of(Instant.now(clock)))
                        .update();
            } catch (DuplicateKeyException concurrentSave) {
                return save(organizationId, id, name, active); // another request inserted it first: update it
            }
        }
        return find(organizationId, id).orElseThrow();
    }

    public Optional<StaffMember> find(OrganizationId organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query(StaffMembers::map)
                .optional();
    }

    public List<StaffMember> list(OrganizationId organizationId) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .query(StaffMembers::map)
                .list();
    }

    private static StaffMember map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StaffMember(
                rs.getString("id"),
                rs.getString("name"),
                rs.getBoolean("active"),
                TimeColumns.instant(rs, "created_at"));
    }
}
