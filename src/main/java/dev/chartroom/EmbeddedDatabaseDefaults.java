package dev.chartroom;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code spring.datasource.url} configured, Chartroom runs on an H2 database stored in
 * the data folder. H2 wants an absolute file path, so the URL is built here from the resolved
 * folder rather than written into application.yml.
 */
class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path folder = Path.of(environment.getProperty("chartroom.data-dir", "./data")).toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + folder.resolve("db").resolve("chartroom")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        environment.getPropertySources().addLast(new MapPropertySource("chartroomEmbeddedDatabase",
                Map.of("spring.datasource.url", url, "spring.datasource.username", "sa")));
    }
}
