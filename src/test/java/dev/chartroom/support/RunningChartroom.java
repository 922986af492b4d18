package dev.chartroom.support;

import dev.chartroom.ChartroomApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Chartroom started by a test itself, for tests about starting and stopping: restarts, a first
 * start, two nodes on one database. Close it to stop it.
 */
public final class RunningChartroom implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningChartroom(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts on a random port with this data folder, the test database, and the extra settings. */
    public static RunningChartroom start(Path dataDir, Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.settings());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("chartroom.data-dir", dataDir.toString());
        properties.put("chartroom.webhooks.allow-private-addresses", "true");
        properties.put("chartroom.webhooks.retry-initial-delay", "100ms");
        properties.putAll(settings);
        // As command-line arguments: they outrank application.yml (builder "properties" would not).
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(ChartroomApplication.class).run(args);
        return new RunningChartroom(context);
    }

    public Http http() {
        return new Http("http://127.0.0.1:" + port());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
