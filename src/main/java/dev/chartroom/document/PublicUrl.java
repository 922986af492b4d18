package dev.chartroom.document;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where clients reach this Chartroom (e.g. {@code https://chartroom.example.org}).
 * Signed URLs start with it; unset, they start with the scheme, host and port of the request being answered.
 *
 * @param publicUrl where clients reach this Chartroom (the load balancer); signed download URLs start
 *                  with it. Unset: the scheme, host and port of the request being answered
 */
@ConfigurationProperties("chartroom")
record PublicUrl(URI publicUrl) {

    public PublicUrl {
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException("chartroom.public-url must be an absolute http(s) URL");
        }
    }
}
