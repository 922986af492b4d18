package dev.chartroom.tenant;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code java -jar chartroom.jar admin <command> [--json] [--setting=value…]}: reads the command
 * line, answers {@code help} and mistakes without starting anything, and otherwise starts the
 * application without a web server (profile {@code admin-command}: no background jobs, no log on
 * stdout) to run one {@link AdminCommand}.
 *
 * <p>Exit status: 0 done; 1 refused (unknown organization, taken id, wrong arguments); 2 no such
 * command, or the database cannot be used (a locked H2 data folder, an unreachable server).
 */
public final class AdminCommandLine {

    static final String PROFILE = "admin-command";

    /** H2's "Database may be already in use": another process holds the data folder's file lock. */
    private static final int H2_DATABASE_IN_USE = 90020;

    private AdminCommandLine() {}

    /** What the command line says: the command's words, the CLI's own options, and settings for the application. */
    record Parsed(
            List<String> words,
            boolean json,
            boolean help,
            boolean verbose,
            List<String> settings,
            List<String> unknownOptions) {

        static Parsed of(List<String> args) {
            List<String> words = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            boolean json = false, help = false, verbose = false;
            for (String arg : args) {
                switch (arg) {
                    case "--json" -> json = true;
                    case "--help", "-h" -> help = true;
                    case "--verbose" -> verbose = true;
                    default -> {
                        if (arg.startsWith("--") && arg.contains("=")) {
                            settings.add(arg);
                        } else if (arg.startsWith("-") && arg.length() > 1) {
                            unknown.add(arg);
                        } else {
                            words.add(arg);
                        }
                    }
                }
            }
            if (!words.isEmpty() && words.getFirst().equals("help")) {
                help = true;
            }
            return new Parsed(List.copyOf(words), json, help, verbose, List.copyOf(settings), List.copyOf(unknown));
        }
    }

    static String usage() {
        String commands = AdminCommand.VERBS.stream()
                .map(v -> String.format("  %-45s %s", v.synopsis(), v.does()))
                .collect(Collectors.joining("\n"));
        return """
                usage: java -jar chartroom.jar admin <command> [--json] [--<setting>=<value>…]

                commands:
                %s
                  %-45s %s

                options:
                  --json       print the admin API's answer as JSON (one document on stdout)
                  --verbose    log to stderr while the command runs
                  --<setting>=<value>
                               any Chartroom setting, as for the server, e.g. --chartroom.data-dir=./data
                               (environment variables such as CHARTROOM_DATA_DIR work too)

                It uses the database the server would use. An embedded (H2) data folder belongs to one
                process: stop a Chartroom running on it first, or use the admin API (CHARTROOM_ADMIN_TOKEN).
                Exit status: 0 done, 1 refused, 2 no such command or the database cannot be used.
                """.formatted(commands, "help", "print this");
    }

    /**
     * @param application the application's configuration class
     * @param args        what follows {@code admin} on the command line
     * @return the exit status
     */
    public static int run(Class<?> application, List<String> args, PrintStream out, PrintStream err) {
        var parsed = Parsed.of(args);
        if (parsed.help()) {
            out.print(usage());
            return 0;
        }
        if (!parsed.unknownOptions().isEmpty()) {
            err.println("unknown option " + String.join(", ", parsed.unknownOptions()));
            err.print(usage());
            return 2;
        }
        if (parsed.words().isEmpty()
                || AdminCommand.verb(parsed.words().getFirst()).isEmpty()) {
            err.println(
                    parsed.words().isEmpty()
                            ? "no command given"
                            : "unknown command '" + parsed.words().getFirst() + "'");
            err.print(usage());
            return 2;
        }
        var refused = AdminCommand.refusal(parsed.words());
        if (refused.isPresent()) {
            err.println(refused.get());
            return 1;
        }

        var spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setAdditionalProfiles(PROFILE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setLogStartupInfo(false);
        spring.setRegisterShutdownHook(false);
        var environment = new AtomicReference<ConfigurableEnvironment>();
        spring.addListeners((ApplicationListener<?>) event -> {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                environment.set(prepared.getEnvironment());
            }
        });
        List<String> settings = new ArrayList<>(parsed.settings());
        if (parsed.verbose()) {
            settings.add("--logging.level.root=INFO");
        }
        try (var context = spring.run(settings.toArray(String[]::new))) {
            return context.getBean(AdminCommand.class).run(parsed.words(), parsed.json(), out, err);
        } catch (RuntimeException failure) {
            err.println(whyItCannotRun(failure, environment.get(), parsed.verbose()));
            return 2;
        }
    }

    /** One line for someone at a terminal: what stands in the way, and what to do about it. */
    static String whyItCannotRun(Throwable failure, ConfigurableEnvironment environment, boolean verbose) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_DATABASE_IN_USE) {
                    return "the data folder " + dataFolder(environment) + " is in use by another process (a running"
                            + " Chartroom?): stop it first, or use the admin API (CHARTROOM_ADMIN_TOKEN)";
                }
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                // 08: connection refused or lost; 28: credentials refused; 3D: no such database.
                if (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")) {
                    return "cannot use the database " + databaseUrl(environment) + ": " + firstLine(sql.getMessage());
                }
            }
        }
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return "could not run the command: " + innermost.getClass().getSimpleName() + ": "
                + firstLine(innermost.getMessage()) + (verbose ? "" : " (--verbose logs more)");
    }

    private static String dataFolder(ConfigurableEnvironment environment) {
        String folder = environment == null ? null : environment.getProperty("chartroom.data-dir");
        return Path.of(folder == null ? "./data" : folder)
                .toAbsolutePath()
                .normalize()
                .toString();
    }

    /** The URL without its parameters, which may hold a password. */
    private static String databaseUrl(ConfigurableEnvironment environment) {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        if (url == null) {
            return "(unknown)";
        }
        int parameters = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
