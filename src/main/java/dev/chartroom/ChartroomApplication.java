package dev.chartroom;

import dev.chartroom.tenant.AdminCommandLine;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Chartroom: a self-hosted, multi-tenant patient-record intake service.
 *
 * <p>{@code java -jar chartroom.jar} serves the HTTP API; {@code java -jar chartroom.jar admin …}
 * runs one administrative command against the same database and exits (see {@link AdminCommandLine}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChartroomApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommandLine.run(
                    ChartroomApplication.class, Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(ChartroomApplication.class, args);
    }
}
