package dev.chartroom.deid;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One organization's keyed pseudonyms: the same external id always maps to the same pseudonym and
 * the same date offset (HMAC-SHA256 under the organization's secret), so re-uploads land on the
 * same patient and events still join; without the secret neither can be reversed or recomputed.
 */
final class Pseudonyms {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** Dates move by up to a year either way, never by zero days. */
    static final int MAX_SHIFT_DAYS = 365;

    private final SecretKeySpec key;

    public Pseudonyms(byte[] organizationSecret) {
        this.key = new SecretKeySpec(organizationSecret.clone(), "HmacSHA256");
    }

    /** The pseudonym that stands for {@code externalId}: {@code anon-} and 20 base32 characters (100 bits). */
    public String externalId(String externalId) {
        byte[] mac = mac("patient:" + externalId);
        var out = new StringBuilder("anon-");
        long bits = 0;
        int held = 0;
        for (int i = 0; out.length() < 25; ) {
            if (held < 5) {
                bits = (bits << 8) | (mac[i++] & 0xff);
                held += 8;
            }
            out.append(BASE32[(int) (bits >>> (held - 5)) & 31]);
            held -= 5;
        }
        return out.toString();
    }

    /** Whether {@code externalId} already is a pseudonym (a de-identified record sent again). */
    public static boolean isPseudonym(String externalId) {
        return externalId != null && externalId.matches("anon-[a-z2-7]{20}");
    }

    /**
     * Days every date of this patient moves by: in ±365, never 0, the same on every upload. Keyed on
     * the pseudonym, so a patient known only by the pseudonym stored for them (a document sent later
     * for a de-identified patient) gets the same offset as the id it stands for.
     */
    public int dateShiftDays(String externalId) {
        String pseudonym = isPseudonym(externalId) ? externalId : externalId(externalId);
        int value = (int) (Integer.toUnsignedLong(
                        ByteBuffer.wrap(mac("date-shift:" + pseudonym)).getInt())
                % (2 * MAX_SHIFT_DAYS));
        int shift = value - MAX_SHIFT_DAYS;
        return shift >= 0 ? shift + 1 : shift;
    }

    private byte[] mac(String value) {
        return hmac(key, value.toLowerCase(Locale.ROOT).strip());
    }

    /** HMAC-SHA256 of {@code value} (UTF-8) under {@code key}. */
    static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
