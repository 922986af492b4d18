package dev.chartroom.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What an IP address reaches, for deciding whether a webhook may be sent there. Everything but
 * {@link #PUBLIC} is internal to some network and refused unless private addresses are allowed.
 */
enum AddressKind {
    PUBLIC,
    LOOPBACK,
    PRIVATE,
    LINK_LOCAL,
    MULTICAST,
    METADATA,
    UNSPECIFIED,
    RESERVED;

    static AddressKind of(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet6Address ? ipv6(b) : ipv4(b);
    }

    private static AddressKind ipv4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff, a3 = b[3] & 0xff;
        // Cloud instance metadata: AWS/GCP/Azure/OpenStack, Alibaba, Oracle.
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254)
                || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)
                || (a0 == 192 && a1 == 0 && a2 == 0 && a3 == 192)) {
            return METADATA;
        }
        if (a0 == 0) {
            return UNSPECIFIED;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 100 && (a1 & 0xc0) == 64)) {
            return PRIVATE; // RFC 1918 and carrier-grade NAT (100.64.0.0/10)
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if ((a0 & 0xf0) == 224) {
            return MULTICAST;
        }
        if ((a0 & 0xf0) == 240
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return RESERVED; // future use, broadcast, protocol assignments, benchmarking, documentation
        }
        return PUBLIC;
    }

    private static final Prefix METADATA_V6 = new Prefix("fd00:ec2::254", 128);
    private static final Prefix UNSPECIFIED_V6 = new Prefix("::", 128);
    private static final Prefix LOOPBACK_V6 = new Prefix("::1", 128);
    private static final Prefix IPV4_MAPPED = new Prefix("::ffff:0:0", 96);
    private static final Prefix IPV4_COMPATIBLE = new Prefix("::", 96);
    private static final Prefix NAT64 = new Prefix("64:ff9b::", 96);
    private static final Prefix SIX_TO_FOUR = new Prefix("2002::", 16);
    private static final Prefix UNIQUE_LOCAL = new Prefix("fc00::", 7);
    private static final Prefix SITE_LOCAL = new Prefix("fec0::", 10);
    private static final Prefix LINK_LOCAL_V6 = new Prefix("fe80::", 10);
    private static final Prefix MULTICAST_V6 = new Prefix("ff00::", 8);
    private static final Prefix DOCUMENTATION_V6 = new Prefix("2001:db8::", 32);
    private static final Prefix DISCARD_V6 = new Prefix("100::", 64);

    private static AddressKind ipv6(byte[] b) {
        if (METADATA_V6.matches(b)) {
            return METADATA;
        }
        if (UNSPECIFIED_V6.matches(b)) {
            return UNSPECIFIED;
        }
        if (LOOPBACK_V6.matches(b)) {
            return LOOPBACK;
        }
        // IPv6 forms that carry an IPv4 address: judge the IPv4 address they lead to.
        if (IPV4_MAPPED.matches(b) || IPV4_COMPATIBLE.matches(b) || NAT64.matches(b)) {
            return ipv4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (SIX_TO_FOUR.matches(b)) {
            return ipv4(new byte[] {b[2], b[3], b[4], b[5]});
        }
        if (UNIQUE_LOCAL.matches(b) || SITE_LOCAL.matches(b)) {
            return PRIVATE; // unique local (which holds fd00:ec2::/32 too) and the old site-local
        }
        if (LINK_LOCAL_V6.matches(b)) {
            return LINK_LOCAL;
        }
        if (MULTICAST_V6.matches(b)) {
            return MULTICAST;
        }
        if (DOCUMENTATION_V6.matches(b) || DISCARD_V6.matches(b)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    /** The first {@code bits} bits of an IPv6 address. */
    private record Prefix(byte[] bytes, int bits) {

        Prefix(String literal, int bits) {
            this(sixteenBytes(literal), bits);
        }

        boolean matches(byte[] address) {
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (bytes[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] sixteenBytes(String literal) {
            try {
                // A literal is parsed without any lookup. Java turns ::ffff:a.b.c.d into IPv4: map it back.
                InetAddress address = InetAddress.getByName(literal);
                if (address instanceof Inet4Address) {
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
                    return mapped;
                }
                return address.getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
    }
}
