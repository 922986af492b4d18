package dev.chartroom.tenant;

import dev.chartroom.db.TimeColumns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored organizations. */
@Repository
public class Organizations {

    private static final String INSERT = """
            insert into organization (id, name, created_at) values (:id, :name, :createdAt)
            """;
    private static final String FIND = """
            select id, name, created_at, anonymize_uploads from organization where id = :id
            """;
    private static final String ALL = """
            select id, name, created_at, anonymize_uploads from organization order by id
            """;
    private static final String SET_ANONYMIZE = """
            update organization set anonymize_uploads = :anonymize where id = :id
            """;
    private static final String COUNT = """
            select count(*) from organization
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Organizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates an organization; empty when one with that id exists already. */
    public Optional<Organization> create(OrganizationId id, String name) {
        var organization = new Organization(id, name, Instant.now(clock), false);
        try {
            jdbc.sql(INSERT)
                    .param("id", id.value())
                    .param("name", name)
                    .param("createdAt", TimeColumns.of(organization.createdAt()))
                    .update();
            return Optional.of(organization);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<Organization> find(OrganizationId id) {
        return jdbc.sql(FIND).param("id", id.value()).query(Organizations::map).optional();
    }

    /** Makes anonymization the default of the organization's patient uploads, or not; empty when there is no such organization. */
    public Optional<Organization> anonymizeUploads(OrganizationId id, boolean anonymize) {
        jdbc.sql(SET_ANONYMIZE)
                .param("anonymize", anonymize)
                .param("id", id.value())
                .update();
        return find(id);
    }

    /** Whether an upload of the organization that does not say is de-identified. */
    public boolean anonymizesUploads(OrganizationId id) {
        return find(id).map(Organization::anonymizeUploads).orElse(false);
    }

    public List<Organization> all() {
        return jdbc.sql(ALL).query(Organizations::map).list();
    }

    boolean none() {
        return jdbc.sql(COUNT).query(Long.class).single() == 0;
    }

    private static Organization map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organization(
                new OrganizationId(rs.getString("id")),
                rs.getString("name"),
                TimeColumns.instant(rs, "created_at"),
                rs.getBoolean("anonymize_uploads"));
    }
}
