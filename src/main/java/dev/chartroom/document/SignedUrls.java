package dev.chartroom.document;

import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import dev.chartroom.tenant.OrganizationId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issues and checks the expiring, organization-bound download URLs of documents
 * ({@code /files/{organization}/{document}/{content|thumbnail}?expires=…&signature=…}). They are
 * served without an API key, so whoever holds one can download that one file until it expires
 * ({@code chartroom.documents.signed-url-ttl}). Never log them: the signature is the credential.
 *
 * <p>The key is kept in the database, so any node verifies what another signed. With an S3 store set
 * to {@code presign}, the URLs of a {@link Document} are the store's own presigned ones instead
 * (downloads then bypass Chartroom and its audit log); a thumbnail not made yet still gets
 * Chartroom's URL, which makes it on first use.
 */
@Component
public class SignedUrls {

    static final String PATH = "/files/{organizationId}/{documentId}/{variant}";

    private final SigningKeys keys;
    private final DocumentProperties properties;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final BlobStore blobs;
    private volatile UrlSigner signer;

    SignedUrls(SigningKeys keys, DocumentProperties properties, PublicUrl publicUrl, Clock clock, BlobStore blobs) {
        this.blobs = blobs;
        this.keys = keys;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The absolute URL of the document's file, for the request being answered. */
    public String content(OrganizationId organizationId, String documentId) {
        return url(organizationId, documentId, FileVariant.CONTENT);
    }

    /** The absolute URL of the document's thumbnail, for the request being answered. */
    public String thumbnail(OrganizationId organizationId, String documentId) {
        return url(organizationId, documentId, FileVariant.THUMBNAIL);
    }

    /** The URL of the document's file: the store's presigned one where it hands them out, else Chartroom's. */
    public String content(OrganizationId organizationId, Document document) {
        return presigned(new BlobKey(document.blobKey()), document.contentType(), disposition(document))
                .orElseGet(() -> content(organizationId, document.id()));
    }

    /** The URL of the document's thumbnail: presigned by the store once it is made and the store presigns. */
    public String thumbnail(OrganizationId organizationId, Document document) {
        return Optional.ofNullable(document.thumbnailKey())
                .flatMap(key -> presigned(
                        new BlobKey(key),
                        "image/png",
                        ContentDisposition.inline().build().toString()))
                .orElseGet(() -> thumbnail(organizationId, document.id()));
    }

    /**
     * How a document's file is answered: inline for the kinds Chartroom recognised, as an attachment
     * for anything else (so a browser never renders unknown content), under its file name.
     */
    static String disposition(Document document) {
        boolean safeInline = !document.contentType().equals(ContentKind.OTHER.mediaType());
        return (safeInline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    private Optional<String> presigned(BlobKey key, String contentType, String disposition) {
        return blobs.presignedDownload(key, properties.signedUrlTtl(), contentType, disposition)
                .map(URI::toString);
    }

    String url(OrganizationId organizationId, String documentId, FileVariant variant) {
        UrlSigner.Signature signature = signer().sign(organizationId, documentId, variant);
        return base().path(PATH)
                .queryParam("expires", signature.expires())
                .queryParam("signature", signature.value())
                .buildAndExpand(organizationId.value(), documentId, variant.path())
                .encode()
                .toUriString();
    }

    UrlSigner.Verdict verify(
            String organizationId, String documentId, FileVariant variant, String expires, String signature) {
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
