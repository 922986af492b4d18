package dev.chartroom.patient;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.tenant.OrganizationCreated;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored groups; every organization starts with the group {@code default}. */
@Repository
public class Groups {

    static final String DEFAULT_GROUP = "default";

    private static final String INSERT = """
            insert into patient_group (organization_id, id, name, created_at)
            values (:organizationId, :id, :name, :createdAt)
            """;
    private static final String FIND = """
            select id, name, created_at from patient_group where organization_id = :organizationId and id = :id
            """;
    private static final String LIST = """
            select id, name, created_at from patient_group where organization_id = :organizationId order by id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Groups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a group; empty when the organization has one with that id already. */
    public Optional<Group> create(OrganizationId organizationId, String id, String name) {
        var group = new Group(id, name, Instant.now(clock));
        try {
            jdbc.sql(INSERT)
                    .param("organizationId", organizationId.value())
                    .param("id", id)
                    .param("name", name)
                    .param("createdAt", TimeColumns.of(group.createdAt()))
                    .update();
            return Optional.of(group);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<Group> find(OrganizationId organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId.value())
                .param("id", id)
                .query(Groups::map)
                .optional();
    }

    public List<Group> list(OrganizationId organizationId) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .query(Groups::map)
                .list();
    }

    @EventListener
    void giveNewOrganizationItsDefaultGroup(OrganizationCreated created) {
        create(created.organizationId(), DEFAULT_GROUP, "Default");
    }

    private static Group map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Group(rs.getString("id"), rs.getString("name"), TimeColumns.instant(rs, "created_at"));
    }
}
