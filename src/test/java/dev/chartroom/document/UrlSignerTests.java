package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSignerTests {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final UrlSigner signer = new UrlSigner(KEY, Duration.ofHours(1), clock);

    @Test
    void aSignatureOpensItsOwnFileUntilItExpires() {
        var signature = signer.sign(OrganizationId.of("acme"), "pdf_1", FileVariant.CONTENT);
        assertThat(signature.expires()).isEqualTo(NOW.plusSeconds(3600).getEpochSecond());
        assertThat(signature.value()).matches("[A-Za-z0-9_-]{43}");
        String expires = Long.toString(signature.expires());

        assertThat(signer.verify("acme", "pdf_1", FileVariant.CONTENT, expires, signature.value()))
                .isEqualTo(UrlSigner.Verdict.VALID);
        clock.now = NOW.plusSeconds(3599);
        assertThat(signer.verify("acme", "pdf_1", FileVariant.CONTENT, expires, signature.value()))
                .isEqualTo(UrlSigner.Verdict.VALID);
        clock.now = NOW.plusSeconds(3600);
        assertThat(signer.verify("acme", "pdf_1", FileVariant.CONTENT, expires, signature.value()))
                .isEqualTo(UrlSigner.Verdict.EXPIRED);
    }

    /** Each row changes one thing of a link signed for acme / pdf_1 / content. */
    @ParameterizedTest(name = "[{index}] {0}/{1}/{2} expires+{3} sig {4}")
    @CsvSource({
        "other, pdf_1, content,   0, same",
        "acme,  pdf_2, content,   0, same",
        "acme,  pdf_1, thumbnail, 0, same",
        "acme,  pdf_1, content,   1, same",
        "acme,  pdf_1, content,   0, appended",
        "acme,  pdf_1, content,   0, flipped",
        "acme,  pdf_1, content,   0, empty",
        "acme,  pdf_1, content,   0, missing",
    })
    void anyChangeBreaksTheSignature(String org, String document, String variant, long later, String signatureChange) {
        var signature = signer.sign(OrganizationId.of("acme"), "pdf_1", FileVariant.CONTENT);
        String value = switch (signatureChange) {
            case "appended" -> signature.value() + "x";
            case "flipped" ->
                (signature.value().charAt(0) == 'A' ? "B" : "A")
                        + signature.value().substring(1);
            case "empty" -> "";
            case "missing" -> null;
            default -> signature.value();
        };
        var verdict = signer.verify(
                org,
                document,
                FileVariant.ofPath(variant).orElseThrow(),
                Long.toString(signature.expires() + later),
                value);
        assertThat(verdict).isEqualTo(UrlSigner.Verdict.INVALID);
    }

    @ParameterizedTest
    @CsvSource({"''", "abc", "-1", "1e9", "99999999999999999999"})
    void malformedExpiryIsInvalid(String expires) {
        var signature = signer.sign(OrganizationId.of("acme"), "pdf_1", FileVariant.CONTENT);
        assertThat(signer.verify("acme", "pdf_1", FileVariant.CONTENT, expires, signature.value()))
                .isEqualTo(UrlSigner.Verdict.INVALID);
    }

    @Test
    void anotherKeyDoesNotVerify() {
        var signature = signer.sign(OrganizationId.of("acme"), "pdf_1", FileVariant.CONTENT);
        var other = new UrlSigner("fedcba9876543210fedcba9876543210".getBytes(), Duration.ofHours(1), clock);
        assertThat(other.verify(
                        "acme", "pdf_1", FileVariant.CONTENT, Long.toString(signature.expires()), signature.value()))
                .isEqualTo(UrlSigner.Verdict.INVALID);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
