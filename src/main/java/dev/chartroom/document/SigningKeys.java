package dev.chartroom.document;

import dev.chartroom.db.StoredSecrets;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The key that signs download URLs, the same on every node and across restarts: the
 * {@code chartroom.documents.signing-key} setting when given, else a random 256-bit key that the
 * first node to need it stores in the database and every node reads from there.
 */
@Component
class SigningKeys {

    static final String URL_KEY = "signed-urls";

    private final StoredSecrets secrets;
    private final DocumentProperties properties;
    private volatile byte[] urlKey;

    SigningKeys(StoredSecrets secrets, DocumentProperties properties) {
        this.secrets = secrets;
        this.properties = properties;
    }

    byte[] urlKey() {
        byte[] key = urlKey;
        if (key == null) {
            key = properties.signingKey() != null && !properties.signingKey().isBlank()
                    ? properties.signingKey().getBytes(StandardCharsets.UTF_8)
                    : secrets.secret(URL_KEY, 32);
            urlKey = key;
        }
        return key;
    }
}
