package dev.chartroom.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Which database the integration tests run on: {@code -Dchartroom.test.database=h2} (default) or
 * {@code postgres}. The build runs every {@code *IT} once for each (see pom.xml).
 *
 * <p>On PostgreSQL the tests use a database of their own on 127.0.0.1:5432 (user postgres), created
 * afresh once per test run and named after the checkout ({@code chartroom_test_<hash of its path>}),
 * so that two checkouts testing at once on one machine never drop each other's database.
 */
public final class TestDatabase {

    private static final String POSTGRES_URL =
            System.getProperty("chartroom.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/chartroom_test") + "_"
                    + checkout();
    private static final String POSTGRES_USER = System.getProperty("chartroom.test.postgres-user", "postgres");
    private static boolean recreated;

    private TestDatabase() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("chartroom.test.database", "h2"));
    }

    /** Spring settings that point an application at the test database (none for H2: it lives in the data folder). */
    public static synchronized Map<String, String> settings() {
        if (!postgres()) {
            return Map.of();
        }
        if (!recreated) {
            recreate(POSTGRES_URL);
            recreated = true;
        }
        return Map.of("spring.datasource.url", POSTGRES_URL, "spring.datasource.username", POSTGRES_USER);
    }

    /**
     * Settings for a database of one test's own (PostgreSQL: created afresh, named after the test),
     * for tests whose nodes must not share work with the other test nodes of the run. On H2 each
     * data folder has its own database already, so there is nothing to set.
     */
    public static synchronized Map<String, String> isolated(String name) {
        if (!postgres()) {
            return Map.of();
        }
        return postgresDatabase(name);
    }

    /**
     * A PostgreSQL database of one test's own, created afresh whatever the pass (for tests that need
     * PostgreSQL by their nature, such as several nodes on one database): its Spring settings.
     */
    public static synchronized Map<String, String> postgresDatabase(String name) {
        String url = POSTGRES_URL + "_" + name;
        recreate(url);
        return Map.of("spring.datasource.url", url, "spring.datasource.username", POSTGRES_USER);
    }

    private static String checkout() {
        String path = java.nio.file.Path.of("").toAbsolutePath().normalize().toString();
        return String.format("%08x", path.hashCode());
    }

    private static void recreate(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(server, POSTGRES_USER, "");
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The PostgreSQL tests need a server on " + server + " (user "
                            + POSTGRES_USER + ", trust auth). Start it, e.g. 'pg_ctlcluster --skip-systemctl-redirect "
                            + "$(ls /etc/postgresql) main start', or run .ci/run which does.",
                    e);
        }
    }
}
