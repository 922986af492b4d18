package dev.chartroom.document;

import java.net.URI;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issues and checks the expiring, organization-bound download URLs of documents
 * ({@code /files/{organization}/{document}/{content|thumbnail}?expires=…&signature=…}). They are
 * served without an API key, so whoever holds one can download that one file until it expires
 * ({@code chartroom.documents.signed-url-ttl}). Never log them: the signature is the credential.
 */
@Component
public class SignedUrls {

    static final String PATH = "/files/{organizationId}/{documentId}/{variant}";

    private final SigningKeys keys;
    private final DocumentProperties properties;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private volatile UrlSigner signer;

    SignedUrls(SigningKeys keys, DocumentProperties properties, PublicUrl publicUrl, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The absolute URL of the document's file, for the request being answered. */
    public String content(String organizationId, String documentId) {
        return url(organizationId, documentId, FileVariant.CONTENT);
    }

    /** The absolute URL of the document's thumbnail, for the request being answered. */
    public String thumbnail(String organizationId, String documentId) {
        return url(organizationId, documentId, FileVariant.THUMBNAIL);
    }

    String url(String organizationId, String documentId, FileVariant variant) {
        UrlSigner.Signature signature = signer().sign(organizationId, documentId, variant);
        return base().path(PATH)
                .queryParam("expires", signature.expires())
                .queryParam("signature", signature.value())
                .buildAndExpand(organizationId, documentId, variant.path())
                .encode()
                .toUriString();
    }

    UrlSigner.Verdict verify(String organizationId, String documentId, FileVariant variant, String expires,
                             String signature) {
        return signer().verify(organizationId, documentId, variant, expires, signature);
    }

    /** Made on first use: the key may have to be read from (or stored in) the database. */
    UrlSigner signer() {
        UrlSigner current = signer;
        if (current == null) {
            current = new UrlSigner(keys.urlKey(), properties.signedUrlTtl(), clock);
            signer = current;
        }
        return current;
    }

    private UriComponentsBuilder base() {
        URI configured = publicUrl.publicUrl();
        if (configured != null) {
            String text = configured.toString();
            return UriComponentsBuilder.fromUriString(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath();
    }
}
