package dev.chartroom.tenant;

import dev.chartroom.web.ConflictException;
import dev.chartroom.web.InvalidRequestException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API's operations for someone at the machine ({@code java -jar chartroom.jar admin …},
 * read by {@link AdminCommandLine}), against the database the same settings name. With
 * {@code --json} each command prints what the admin API would answer.
 */
@Component
@Profile("admin-command")
class AdminCommand {

    /** One command: its name, its arguments as usage shows them, how many it takes, what it does. */
    record Verb(String name, String arguments, int fewest, int most, String does) {

        static final int ANY = Integer.MAX_VALUE;

        String synopsis() {
            return arguments.isEmpty() ? name : name + " " + arguments;
        }
    }

    static final List<Verb> VERBS = List.of(
            new Verb(
                    "create-organization",
                    "<id> <name…>",
                    2,
                    Verb.ANY,
                    "create an organization (with its group 'default')"),
            new Verb("list-organizations", "", 0, 0, "list organizations"),
            new Verb("create-key", "<organization-id>", 1, 1, "create an API key; its secrets are printed only now"),
            new Verb("list-keys", "<organization-id>", 1, 1, "list an organization's keys (without secrets)"),
            new Verb("revoke-key", "<organization-id> <key-id>", 2, 2, "revoke a key at once"));

    /** What {@code revoke-key --json} prints (the admin API answers 204 without a body). */
    record KeyRevoked(String id, OrganizationId organizationId, boolean revoked) {}

    private final Onboarding onboarding;
    private final Organizations organizations;
    private final ApiKeys keys;
    private final JsonMapper json;

    AdminCommand(Onboarding onboarding, Organizations organizations, ApiKeys keys, JsonMapper json) {
        this.onboarding = onboarding;
        this.organizations = organizations;
        this.keys = keys;
        this.json = json;
    }

    static Optional<Verb> verb(String name) {
        return VERBS.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * Why these words are not a command that can run, in one line; empty when they are.
     * Checked before the application starts, so a typo is answered at once.
     */
    static Optional<String> refusal(List<String> words) {
        if (words.isEmpty()) {
            return Optional.of("no command given");
        }
        var verb = verb(words.getFirst());
        if (verb.isEmpty()) {
            return Optional.of("unknown command '" + words.getFirst() + "'");
        }
        int given = words.size() - 1;
        if (given < verb.get().fewest() || given > verb.get().most()) {
            return Optional.of("usage: admin " + verb.get().synopsis());
        }
        return Optional.empty();
    }

    /**
     * Runs one command and prints its outcome: what it did on {@code out}, a refusal as one line on
     * {@code err}.
     *
     * @param words the command and its arguments (without {@code admin} and options)
     * @return 0 when done, 1 when refused (unknown organization, taken id, wrong arguments)
     */
    public int run(List<String> words, boolean asJson, PrintStream out, PrintStream err) {
        var refused = refusal(words);
        if (refused.isPresent()) {
            err.println(refused.get());
            return 1;
        }
        List<String> arguments = words.subList(1, words.size());
        try {
            Object answer = switch (words.getFirst()) {
                case "create-organization" -> createOrganization(arguments, asJson, out);
                case "list-organizations" -> listOrganizations(asJson, out);
                case "create-key" -> createKey(arguments.getFirst(), asJson, out);
                case "list-keys" -> listKeys(arguments.getFirst(), asJson, out);
                case "revoke-key" -> revokeKey(arguments.get(0), arguments.get(1), asJson, out);
                default -> throw new IllegalStateException("a verb without a case: " + words.getFirst());
            };
            if (asJson) {
                out.println(json.writeValueAsString(answer));
            }
            out.flush();
            return 0;
        } catch (InvalidRequestException | ConflictException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private Object createOrganization(List<String> arguments, boolean asJson, PrintStream out) {
        var organization = onboarding.createOrganization(
                arguments.getFirst(), String.join(" ", arguments.subList(1, arguments.size())));
        if (!asJson) {
            out.println("created organization " + organization.id() + " (" + organization.name() + ")");
        }
        return organization;
    }

    private Object listOrganizations(boolean asJson, PrintStream out) {
        var all = organizations.all();
        if (!asJson) {
            all.forEach(o -> out.println(o.id() + "\t" + o.name() + "\t" + o.createdAt()));
        }
        return new AdminApi.OrganizationList(all);
    }

    private Object createKey(String organization, boolean asJson, PrintStream out) {
        OrganizationId organizationId = requireOrganization(organization);
        var issued = keys.issue(organizationId);
        if (!asJson) {
            out.println("id:            " + issued.id());
            out.println("key:           " + issued.key());
            out.println("client_id:     " + issued.clientId());
            out.println("client_secret: " + issued.clientSecret());
            out.println("(the key and the client secret are shown only now)");
        }
        // The admin API's answer, field for field (IssuedApiKey hides its secrets from toString only).
        return AdminApi.KeyCreated.of(issued);
    }

    private Object listKeys(String organization, boolean asJson, PrintStream out) {
        OrganizationId organizationId = requireOrganization(organization);
        var list = keys.list(organizationId);
        if (!asJson) {
            list.forEach(k -> out.println(
                    k.id() + "\t" + k.createdAt() + "\t" + (k.active() ? "active" : "revoked " + k.revokedAt())));
        }
        return new AdminApi.KeyList(list);
    }

    private Object revokeKey(String organization, String keyId, boolean asJson, PrintStream out) {
        OrganizationId organizationId = requireOrganization(organization);
        if (!keys.revoke(organizationId, keyId)) {
            throw new InvalidRequestException(
                    "api_key_not_found",
                    keys.exists(organizationId, keyId)
                            ? "key " + keyId + " of organization " + organizationId + " is revoked already"
                            : "organization " + organizationId + " has no key " + keyId);
        }
        if (!asJson) {
            out.println("revoked key " + keyId);
        }
        return new KeyRevoked(keyId, organizationId, true);
    }

    /** The organization the argument names, when it exists; refused otherwise (a blank id names none). */
    private OrganizationId requireOrganization(String id) {
        return OrganizationId.parse(id)
                .flatMap(organizations::find)
                .map(Organization::id)
                .orElseThrow(() -> new InvalidRequestException("organization_not_found", "no organization " + id));
    }
}
