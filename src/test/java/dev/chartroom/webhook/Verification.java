package dev.chartroom.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How a receiver checks a Standard Webhooks signature, written from the specification, not from Chartroom's code. */
public final class Verification {

    private Verification() {}

    public static String expectedSignature(String secret, String webhookId, String timestamp, String body)
            throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = webhookId + "." + timestamp + "." + body;
        return "v1," + Base64.getEncoder().encodeToString(hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
