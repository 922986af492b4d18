package dev.chartroom;

import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * With no {@code spring.datasource.url} configured, Chartroom runs on an H2 database stored in
 * the data folder. H2 wants an absolute file path, so the URL is built from the resolved folder.
 * It is computed when asked for, not when the environment is prepared, because some settings (a
 * test's dynamic properties, say) arrive later; as the last property source, any configured URL wins.
 */
class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new EmbeddedDatabase(environment));
    }

    /** Its source is a plain object: Spring would walk an environment given as source as nested sources. */
    private static final class EmbeddedDatabase extends PropertySource<Object> {

        private final ConfigurableEnvironment environment;

        EmbeddedDatabase(ConfigurableEnvironment environment) {
            super("chartroomEmbeddedDatabase", new Object());
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> url();
                // The embedded database's user; a configured database brings its own.
                case "spring.datasource.username" ->
                    url().equals(environment.getProperty("spring.datasource.url")) ? "sa" : null;
                default -> null;
            };
        }

        private String url() {
            Path folder = Path.of(environment.getProperty("chartroom.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize();
            // WRITE_DELAY=0: a commit is on disk before it is acknowledged, so an accepted upload
            // survives a crash (H2 otherwise writes commits up to a second later).
            // LOCK_TIMEOUT=10000: a write waits up to 10 s for a row another transaction holds (H2's
            // default is 1 s), long enough for a concurrent bulk upload to commit.
            return "jdbc:h2:file:" + folder.resolve("db").resolve("chartroom")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        }
    }
}
