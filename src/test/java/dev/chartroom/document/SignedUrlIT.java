package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signed download URLs as a client meets them: no key needed, byte ranges, thumbnails, expiry and tampering. */
class SignedUrlIT extends ApplicationTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    DocumentProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.chartroom.storage.BlobStore blobs;

    TestOrganization acme;
    Http http;
    byte[] pdf;
    String documentId;
    String url;

    @BeforeEach
    void document() {
        http = http();
        acme = newOrganization();
        long patient = TestPatients.create(http, acme, "MRN-1", "Jane", "Doe");
        pdf = TestFiles.shared("hl7-ccda-examples-cc0/labcorp_sample_lab_report_164947.pdf");
        var created = http.post(
                "/patients/" + patient + "/pdf",
                new Multipart().file("file", "lab.pdf", "application/pdf", pdf).field("filename", "lab report.pdf"),
                acme.apiKey());
        assertThat(created.status()).isEqualTo(201);
        documentId = created.json().get("id").asString();
        url = created.json().get("url").asString();
    }

    @Test
    void theUrlNeedsNoKeyAndSaysWhatItServes() {
        var download = http.get(url);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(pdf.length));
        assertThat(download.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Cache-Control")).contains("private");
        assertThat(download.header("Content-Disposition")).startsWith("inline").contains("lab report.pdf");
    }

    @ParameterizedTest
    @CsvSource({"bytes=0-9, 0, 10", "bytes=100-199, 100, 100", "bytes=-16, -16, 16"})
    void rangesAreAnsweredWithPartialContent(String range, int from, int length) {
        var partial = http.get(url, "Range", range);
        int start = from < 0 ? pdf.length + from : from;
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(pdf, start, start + length));
        assertThat(partial.header("Content-Range"))
                .isEqualTo("bytes " + start + "-" + (start + length - 1) + "/" + pdf.length);
    }

    @Test
    void aFileThisNodeCannotReadIsA503InTheNativeShape() throws Exception {
        // As on a node whose data folder is not the one the upload went to.
        String sha = jdbc.sql("select sha256 from document where organization_id = :o and id = :id")
                .param("o", acme.id())
                .param("id", documentId)
                .query(String.class)
                .single();
        java.nio.file.Files.delete(DATA_DIR.resolve("blobs")
                .resolve(acme.id())
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha));

        var refused = http.get(url);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("error").asString()).isEqualTo("file_unavailable");
        assertThat(refused.json().get("message").asString())
                .isEqualTo("This file is stored but cannot be read by this server right now.");
    }

    @Test
    void aRangeBeyondTheEndIs416() {
        var refused = http.get(url, "Range", "bytes=" + pdf.length + "-");
        assertThat(refused.status()).isEqualTo(416);
        assertThat(refused.header("Content-Range")).isEqualTo("bytes */" + pdf.length);
    }

    @Test
    void theThumbnailIsASmallPngOfTheFirstPage() throws Exception {
        String thumbnailUrl = http.get("/v1/documents/" + documentId, acme.apiKey())
                .json()
                .get("thumbnailUrl")
                .asString();
        var thumbnail = http.get(thumbnailUrl);
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(properties.thumbnailWidth());
        assertThat(image.getHeight()).isGreaterThan(image.getWidth()); // a portrait page
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "signature with a character appended, 'signature=', 'signature=x'",
        "signature changed,                  'signature=', 'signature=A'",
        "later expiry,                        'expires=',   'expires=9'",
        "another organization,               '/files/',     '/files/x'",
        "another document,                   '/pdf_',       '/pdf_0'",
        "thumbnail with the file's signature, '/content?',  '/thumbnail?'",
        "no signature,                       '&signature=', '&nosignature='",
    })
    void aChangedUrlIs403(String what, String find, String replaceWith) {
        String changed = url.replace(find, replaceWith);
        assertThat(changed).isNotEqualTo(url);
        var refused = http.get(changed);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_signature");
        assertThat(refused.body().length).isLessThan(200);
    }

    @Test
    void anExpiredUrlIs403() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        var signature = new UrlSigner(keys.urlKey(), properties.signedUrlTtl(), twoHoursAgo)
                .sign(acme.organizationId(), documentId, FileVariant.CONTENT);
        var expired = http.get("/files/" + acme.id() + "/" + documentId + "/content?expires=" + signature.expires()
                + "&signature=" + signature.value());
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("error").asString()).isEqualTo("url_expired");

        var stillValid = new UrlSigner(keys.urlKey(), properties.signedUrlTtl(), Clock.systemUTC())
                .sign(acme.organizationId(), documentId, FileVariant.CONTENT);
        assertThat(http.get("/files/" + acme.id() + "/" + documentId + "/content?expires=" + stillValid.expires()
                                + "&signature=" + stillValid.value())
                        .body())
                .isEqualTo(pdf);
    }

    @Test
    void aValidSignatureForAnotherOrganizationsDocumentFindsNothing() {
        TestOrganization other = newOrganization();
        var signature = new UrlSigner(keys.urlKey(), properties.signedUrlTtl(), Clock.systemUTC())
                .sign(other.organizationId(), documentId, FileVariant.CONTENT);
        var missing = http.get("/files/" + other.id() + "/" + documentId + "/content?expires=" + signature.expires()
                + "&signature=" + signature.value());
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void theKeyIsKeptInTheDatabaseSoEveryNodeAndRestartSignsAlike() {
        var anotherNode = new SigningKeys(new dev.chartroom.db.StoredSecrets(jdbc, Clock.systemUTC()), properties);
        assertThat(anotherNode.urlKey()).isEqualTo(keys.urlKey()).hasSize(32);
        assertThat(jdbc.sql("select count(*) from signing_key where id = 'signed-urls'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void urlsStartWithThePublicUrlWhenOneIsSet() {
        var urls = new SignedUrls(
                keys,
                properties,
                new PublicUrl(URI.create("https://chartroom.example.org/")),
                Clock.systemUTC(),
                blobs);
        assertThat(urls.content(acme.organizationId(), documentId))
                .startsWith(
                        "https://chartroom.example.org/files/" + acme.id() + "/" + documentId + "/content?expires=");
        assertThat(urls.thumbnail(acme.organizationId(), documentId)).contains("/thumbnail?expires=");
    }
}
