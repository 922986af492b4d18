package dev.chartroom.document;

import dev.chartroom.db.TimeColumns;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that signs download URLs, the same on every node and across restarts: the
 * {@code chartroom.documents.signing-key} setting when given, else a random 256-bit key that the
 * first node to need it stores in the database and every node reads from there.
 */
@Component
class SigningKeys {

    static final String URL_KEY = "signed-urls";

    private static final String FIND = "select secret from signing_key where id = :id";
    private static final String INSERT = """
            insert into signing_key (id, secret, created_at) values (:id, :secret, :createdAt)
            """;

    private final JdbcClient jdbc;
    private final DocumentProperties properties;
    private final Clock clock;
    private volatile byte[] urlKey;

    SigningKeys(JdbcClient jdbc, DocumentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    byte[] urlKey() {
        byte[] key = urlKey;
        if (key == null) {
            key = properties.signingKey() != null && !properties.signingKey().isBlank()
                    ? properties.signingKey().getBytes(StandardCharsets.UTF_8)
                    : stored(URL_KEY);
            urlKey = key;
        }
        return key;
    }

    private byte[] stored(String id) {
        Optional<String> found = find(id);
        if (found.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.sql(INSERT).param("id", id).param("secret", Base64.getEncoder().encodeToString(fresh))
                        .param("createdAt", TimeColumns.of(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                // Another node stored its key first: everyone uses that one.
            }
            found = find(id);
        }
        return Base64.getDecoder().decode(found.orElseThrow());
    }

    private Optional<String> find(String id) {
        return jdbc.sql(FIND).param("id", id).query(String.class).optional();
    }
}
