package dev.chartroom.webhook;

import dev.chartroom.db.StoredSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets at rest: AES-256-GCM under the key {@code chartroom.webhooks.secret-key}
 * (base64 of 32 bytes) when it is set, else under a random key that the first node stores in the
 * database (the {@code signing_key} table, beside the download-URL key) and every node reads. The
 * endpoint id is bound in as associated data, so a secret cannot be moved to another endpoint's row.
 * A value still in the clear ({@code whsec_…}, stored before encryption) is read as it is.
 */
@Component
class WebhookSecrets {

    private static final String PREFIX = "v1:";
    private static final String STORED_KEY_ID = "webhook-secrets";
    private static final int NONCE_BYTES = 12;

    private final StoredSecrets secrets;
    private final WebhookProperties properties;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    WebhookSecrets(StoredSecrets secrets, WebhookProperties properties) {
        this.secrets = secrets;
        this.properties = properties;
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            this.key = configured(properties.secretKey());
        }
    }

    String seal(String endpointId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, endpointId, nonce).apply(secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                .put(nonce)
                                .put(sealed)
                                .array());
    }

    String open(String endpointId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored; // stored in the clear before secrets were encrypted
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(cipher(Cipher.DECRYPT_MODE, endpointId, nonce).apply(sealed), StandardCharsets.UTF_8);
    }

    private interface Transform {
        byte[] apply(byte[] input);
    }

    private Transform cipher(int mode, String endpointId, byte[] nonce) {
        return input -> {
            try {
                var cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key(), new GCMParameterSpec(128, nonce));
                cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                // A wrong key (changed setting) or a tampered row: say which, never the value.
                throw new IllegalStateException(
                        "webhook secret of endpoint " + endpointId
                                + " cannot be decrypted with the configured key (chartroom.webhooks.secret-key)",
                        e);
            }
        };
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(stored(), "AES");
            key = current;
        }
        return current;
    }

    private static SecretKeySpec configured(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "chartroom.webhooks.secret-key must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "chartroom.webhooks.secret-key must hold 32 bytes (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private byte[] stored() {
        return secrets.secret(STORED_KEY_ID, 32);
    }
}
