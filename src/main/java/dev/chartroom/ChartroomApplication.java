package dev.chartroom;

import dev.chartroom.tenant.AdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Chartroom: a self-hosted, multi-tenant patient-record intake service.
 *
 * <p>{@code java -jar chartroom.jar} serves the HTTP API; {@code java -jar chartroom.jar admin …}
 * runs one administrative command against the same database and exits (see {@link AdminCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChartroomApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            var application = new SpringApplication(ChartroomApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setAdditionalProfiles("admin-command");
            application.setLogStartupInfo(false);
            try (var context = application.run(args)) {
                System.exit(context.getBean(AdminCommand.class).run(args));
            }
        }
        SpringApplication.run(ChartroomApplication.class, args);
    }
}
