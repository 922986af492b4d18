package dev.chartroom.document;

import dev.chartroom.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks download links: an HMAC-SHA256 over the organization, the document, the variant
 * and the expiry time, so a link opens exactly one file of one organization until it expires. A
 * changed character anywhere in what is signed, or a later expiry, breaks the signature.
 */
final class UrlSigner {

    /** What a link carries: its expiry in epoch seconds and its signature (base64url, no padding). */
    record Signature(long expires, String value) {}

    enum Verdict {
        VALID,
        EXPIRED,
        INVALID
    }

    private static final String SCHEME = "chartroom-file-v1";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    UrlSigner(byte[] key, Duration ttl, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a signing key has at least 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    Signature sign(OrganizationId organizationId, String documentId, FileVariant variant) {
        long expires = Instant.now(clock).plus(ttl).getEpochSecond();
        return new Signature(expires, mac(organizationId.value(), documentId, variant, expires));
    }

    /** Checks a link as it arrived: its organization is the path's text, not yet known to name one. */
    Verdict verify(String organizationId, String documentId, FileVariant variant, String expires, String signature) {
        if (expires == null
                || signature == null
                || expires.length() > 12
                || !expires.chars().allMatch(Character::isDigit)
                || expires.isEmpty()) {
            return Verdict.INVALID;
        }
        long at = Long.parseLong(expires);
        byte[] expected = mac(organizationId, documentId, variant, at).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        return Instant.now(clock).getEpochSecond() < at ? Verdict.VALID : Verdict.EXPIRED;
    }

    private String mac(String organization, String documentId, FileVariant variant, long expires) {
        String message = String.join("\n", SCHEME, organization, documentId, variant.path(), Long.toString(expires));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
