package dev.chartroom.tenant;

import dev.chartroom.db.TimeColumns;
import dev.chartroom.text.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issues, checks and revokes API keys.
 *
 * <p>A key reads {@code crk_<id>_<secret>}; its client-credentials pair reads {@code ci_<id>} and
 * {@code cs_<secret>}. The id is public and finds the row; each secret carries 256 random bits and
 * is stored only as its SHA-256, compared in constant time. A fast hash is enough here because the
 * secrets are random, not chosen by people.
 */
@Repository
class ApiKeys {

    private static final Pattern KEY = Pattern.compile("crk_([a-z0-9]{16})_([0-9a-f]{64})");
    private static final Pattern CLIENT_ID = Pattern.compile("ci_([a-z0-9]{16})");
    private static final Pattern CLIENT_SECRET = Pattern.compile("cs_([0-9a-f]{64})");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Compared against when no row matches, so a miss costs the same as a wrong secret. */
    private static final String NO_HASH = "0".repeat(64);

    private static final String INSERT = """
            insert into api_key (id, organization_id, key_hash, client_secret_hash, created_at)
            values (:id, :organizationId, :keyHash, :clientSecretHash, :createdAt)
            """;
    private static final String FIND_ACTIVE = """
            select organization_id, key_hash, client_secret_hash from api_key
            where id = :id and revoked_at is null
            """;
    private static final String REVOKE = """
            update api_key set revoked_at = :revokedAt
            where organization_id = :organizationId and id = :id and revoked_at is null
            """;
    private static final String EXISTS = """
            select count(*) from api_key where organization_id = :organizationId and id = :id
            """;
    private static final String LIST = """
            select id, organization_id, created_at, revoked_at from api_key
            where organization_id = :organizationId order by created_at, id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a key for an existing organization and returns its secrets, this once. */
    public IssuedApiKey issue(OrganizationId organizationId) {
        String id = randomId();
        String keySecret = randomSecret();
        String clientSecret = randomSecret();
        Instant now = Instant.now(clock);
        jdbc.sql(INSERT)
                .param("id", id)
                .param("organizationId", organizationId.value())
                .param("keyHash", Sha256.hex(keySecret))
                .param("clientSecretHash", Sha256.hex(clientSecret))
                .param("createdAt", TimeColumns.of(now))
                .update();
        return new IssuedApiKey(
                id, organizationId, "crk_" + id + "_" + keySecret, "ci_" + id, "cs_" + clientSecret, now);
    }

    /** Revokes a key of the organization at once; false when it has no such active key. */
    public boolean revoke(OrganizationId organizationId, String keyId) {
        return jdbc.sql(REVOKE)
                        .param("revokedAt", TimeColumns.of(Instant.now(clock)))
                        .param("organizationId", organizationId.value())
                        .param("id", keyId)
                        .update()
                == 1;
    }

    public boolean exists(OrganizationId organizationId, String keyId) {
        return jdbc.sql(EXISTS)
                        .param("organizationId", organizationId.value())
                        .param("id", keyId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<ApiKey> list(OrganizationId organizationId) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId.value())
                .query((rs, row) -> new ApiKey(
                        rs.getString("id"),
                        new OrganizationId(rs.getString("organization_id")),
                        TimeColumns.instant(rs, "created_at"),
                        TimeColumns.instant(rs, "revoked_at")))
                .list();
    }

    /** The caller a key string belongs to, when it is a well-formed, active key. */
    Optional<Caller> byKey(String key) {
        var match = KEY.matcher(key == null ? "" : key.trim());
        if (!match.matches()) {
            return Optional.empty();
        }
        return check(match.group(1), match.group(2), StoredKey::keyHash);
    }

    /** The caller a client-credentials pair belongs to, when both halves match an active key. */
    Optional<Caller> byClientCredentials(String clientId, String clientSecret) {
        var id = CLIENT_ID.matcher(clientId == null ? "" : clientId.trim());
        var secret = CLIENT_SECRET.matcher(clientSecret == null ? "" : clientSecret.trim());
        if (!id.matches() || !secret.matches()) {
            return Optional.empty();
        }
        return check(id.group(1), secret.group(1), StoredKey::clientSecretHash);
    }

    private Optional<Caller> check(String id, String secret, java.util.function.Function<StoredKey, String> hashOf) {
        Optional<StoredKey> stored = jdbc.sql(FIND_ACTIVE)
                .param("id", id)
                .query((rs, row) -> new StoredKey(
                        new OrganizationId(rs.getString("organization_id")),
                        rs.getString("key_hash"),
                        rs.getString("client_secret_hash")))
                .optional();
        String expected = stored.map(hashOf).orElse(NO_HASH);
        boolean equal = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), Sha256.hex(secret).getBytes(StandardCharsets.US_ASCII));
        return equal && stored.isPresent()
                ? Optional.of(new Caller(stored.get().organizationId(), id))
                : Optional.empty();
    }

    private String randomId() {
        var id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private String randomSecret() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private record StoredKey(OrganizationId organizationId, String keyHash, String clientSecretHash) {}
}
