package dev.chartroom.patient;

import dev.chartroom.db.KeyList;
import dev.chartroom.tenant.OrganizationId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patients' ids by external id within one organization, for the readers and the H2 writer alike. */
final class ExternalIds {

    private static final int CHUNK = 1000;
    private static final String IDS_BY_EXTERNAL_ID = """
            select p.id, p.external_id
            from %s join patient p on p.organization_id = :organizationId and p.external_id = listed.k
            """.formatted(KeyList.table("externalIds"));

    private ExternalIds() {}

    /** The stored patients among these external ids (others are left out), a thousand per query. */
    static Map<String, Long> lookUp(JdbcClient jdbc, OrganizationId organizationId, Collection<String> externalIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(externalIds));
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql(IDS_BY_EXTERNAL_ID)
                    .param("organizationId", organizationId.value())
                    .param("externalIds", KeyList.of(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .query(rs -> {
                        found.put(rs.getString("external_id"), rs.getLong("id"));
                    });
        }
        return found;
    }
}
