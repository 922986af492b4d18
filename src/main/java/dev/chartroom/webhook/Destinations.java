package dev.chartroom.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a webhook URL may be called: http or https, a host, no credentials in the URL,
 * and — unless private addresses are allowed — every address the host resolves to public. Checked
 * when an endpoint is registered and again at each attempt, since DNS answers change: the sender
 * connects to exactly the addresses {@link #addresses} checked, with no second lookup in between.
 */
final class Destinations {

    /** Resolves a host name; an IP literal resolves to itself without any lookup. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused; the message is safe to show to the caller. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    Destinations(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    static Destinations resolvingWithDns(boolean allowPrivateAddresses) {
        return new Destinations(allowPrivateAddresses, InetAddress::getAllByName);
    }

    /** The URL when it may be called: its form and, unless private addresses are allowed, where its host points. */
    URI check(String url) throws Refused {
        URI uri = checkForm(url);
        if (!allowPrivateAddresses) {
            addresses(uri.getHost());
        }
        return uri;
    }

    /** The URL when its form may be called (scheme, host, no credentials); its addresses are not looked up. */
    URI checkForm(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("url: not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("url: use an http or https URL.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("url: the URL has no host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url: credentials in the URL are not accepted; verify the signature instead.");
        }
        return uri;
    }

    /** Every address of the host, each checked: the ones a delivery may connect to. */
    InetAddress[] addresses(String host) throws Refused {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new Refused("url: the host cannot be resolved.");
        }
        if (addresses.length == 0) {
            throw new Refused("url: the host cannot be resolved.");
        }
        if (allowPrivateAddresses) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (kind != AddressKind.PUBLIC) {
                throw new Refused("url: the host resolves to a "
                        + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " address; webhooks are sent to public addresses only.");
            }
        }
        return addresses;
    }
}
