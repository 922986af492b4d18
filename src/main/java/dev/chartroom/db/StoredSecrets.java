package dev.chartroom.db;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets kept in the database ({@code signing_key}) so that every node of a cluster uses
 * the same one: the first node to need a secret makes it, the others read it.
 */
@Component
public class StoredSecrets {

    private static final String FIND = "select secret from signing_key where id = :id";
    private static final String INSERT =
            "insert into signing_key (id, secret, created_at) values (:id, :secret, :createdAt)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StoredSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The secret stored under {@code id}, made now ({@code bytes} random bytes) if there is none yet. */
    public byte[] secret(String id, int bytes) {
        Optional<String> found = find(id);
        if (found.isEmpty()) {
            byte[] fresh = new byte[bytes];
            random.nextBytes(fresh);
            try {
                jdbc.sql(INSERT)
                        .param("id", id)
                        .param("secret", Base64.getEncoder().encodeToString(fresh))
                        .param("createdAt", TimeColumns.of(Instant.now(clock)))
                        .update();
            } catch (DuplicateKeyException raced) {
                // Another node stored its secret first: everyone uses that one.
            }
            found = find(id);
        }
        return Base64.getDecoder().decode(found.orElseThrow());
    }

    private Optional<String> find(String id) {
        return jdbc.sql(FIND).param("id", id).query(String.class).optional();
    }
}
