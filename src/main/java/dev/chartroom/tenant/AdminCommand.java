package dev.chartroom.tenant;

import dev.chartroom.web.ConflictException;
import dev.chartroom.web.InvalidRequestException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chartroom.jar admin <command> …}: the admin API's operations for someone at the
 * machine, against the database the same settings name. Prints what it did; exits 0 on success.
 */
@Component
@Profile("admin-command")
public class AdminCommand {

    static final String USAGE = """
            usage: java -jar chartroom.jar admin <command>
              create-organization <id> <name…>   create an organization (with group 'default')
              list-organizations                 list organizations
              create-key <organization-id>       create an API key; its secrets are printed once
              list-keys <organization-id>        list an organization's keys (no secrets)
              revoke-key <organization-id> <key-id>
                                                 revoke a key at once
            """;

    private final Onboarding onboarding;
    private final Organizations organizations;
    private final ApiKeys keys;
    private final PrintStream out;

    AdminCommand(Onboarding onboarding, Organizations organizations, ApiKeys keys) {
        this(onboarding, organizations, keys, System.out);
    }

    AdminCommand(Onboarding onboarding, Organizations organizations, ApiKeys keys, PrintStream out) {
        this.onboarding = onboarding;
        this.organizations = organizations;
        this.keys = keys;
        this.out = out;
    }

    /** @param args the whole command line, starting with {@code admin} */
    public int run(String... args) {
        List<String> words = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).toList();
        if (words.isEmpty()) {
            System.err.print(USAGE);
            return 2;
        }
        try {
            return switch (words.getFirst()) {
                case "create-organization" -> {
                    requireArguments(words, 3);
                    var organization = onboarding.createOrganization(words.get(1), String.join(" ", words.subList(2, words.size())));
                    out.println("created organization " + organization.id() + " (" + organization.name() + ")");
                    yield 0;
                }
                case "list-organizations" -> {
                    organizations.all().forEach(o -> out.println(o.id() + "\t" + o.name() + "\t" + o.createdAt()));
                    yield 0;
                }
                case "create-key" -> {
                    requireArguments(words, 2);
                    requireOrganization(words.get(1));
                    var issued = keys.issue(words.get(1));
                    out.println("id:            " + issued.id());
                    out.println("key:           " + issued.key());
                    out.println("client_id:     " + issued.clientId());
                    out.println("client_secret: " + issued.clientSecret());
                    out.println("(the key and the client secret are shown only now)");
                    yield 0;
                }
                case "list-keys" -> {
                    requireArguments(words, 2);
                    requireOrganization(words.get(1));
                    keys.list(words.get(1)).forEach(k -> out.println(k.id() + "\t" + k.createdAt() + "\t"
                            + (k.active() ? "active" : "revoked " + k.revokedAt())));
                    yield 0;
                }
                case "revoke-key" -> {
                    requireArguments(words, 3);
                    if (keys.revoke(words.get(1), words.get(2))) {
                        out.println("revoked key " + words.get(2));
                        yield 0;
                    }
                    System.err.println("no active key " + words.get(2) + " in organization " + words.get(1));
                    yield 1;
                }
                default -> {
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (InvalidRequestException | ConflictException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private void requireOrganization(String id) {
        if (organizations.find(id).isEmpty()) {
            throw new InvalidRequestException("organization_not_found", "no organization " + id);
        }
    }

    private static void requireArguments(List<String> words, int count) {
        if (words.size() < count) {
            throw new InvalidRequestException("usage", USAGE);
        }
    }
}
