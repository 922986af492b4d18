package dev.chartroom.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of keys to look up within one organization, written as a table joined to the one searched:
 * {@code from (values :keys) as listed(k) join patient p on p.organization_id = :organizationId and
 * p.external_id = listed.k}. H2 answers a plain {@code organization_id = ? and external_id in (…)}
 * by reading every row of the organization and testing the list (seconds per thousand keys in a
 * large organization; an {@code in (select …)} is worse still), and a row-value IN costs PostgreSQL
 * a plan per key; joined, both look each key up in the index on (organization_id, key): 1,000 keys
 * among 100,000 rows take 17 ms on H2 and 24 ms on PostgreSQL.
 */
public final class KeyList {

    /** The table {@code listed(k)} to join; bind {@link #of} to {@code :name}. */
    public static String table(String name) {
        return "(values :" + name + ") as listed(k)";
    }

    private KeyList() {}

    /**
     * The keys as one-column rows, which Spring's named parameters expand to {@code (?), (?), …};
     * never empty (an empty VALUES is not SQL), a null key matching nothing stands in.
     */
    public static List<Object[]> of(Collection<?> keys) {
        List<Object[]> rows = new ArrayList<>(Math.max(1, keys.size()));
        for (Object key : keys) {
            rows.add(new Object[] {key});
        }
        if (rows.isEmpty()) {
            rows.add(new Object[] {null});
        }
        return rows;
    }
}
