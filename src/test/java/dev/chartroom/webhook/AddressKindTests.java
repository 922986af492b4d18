package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IP literals only: InetAddress parses them without any lookup, so no test touches the network. */
class AddressKindTests {

    @ParameterizedTest
    @CsvSource(textBlock = """
            169.254.169.254,        METADATA
            100.100.100.200,        METADATA
            192.0.0.192,            METADATA
            fd00:ec2::254,          METADATA
            127.0.0.1,              LOOPBACK
            127.255.0.9,            LOOPBACK
            ::1,                    LOOPBACK
            0.0.0.0,                UNSPECIFIED
            ::,                     UNSPECIFIED
            10.0.0.1,               PRIVATE
            172.16.0.1,             PRIVATE
            172.31.255.255,         PRIVATE
            192.168.1.10,           PRIVATE
            100.64.0.1,             PRIVATE
            fd12:3456::1,           PRIVATE
            fc00::1,                PRIVATE
            fd00:ec2::1,            PRIVATE
            fec0::1,                PRIVATE
            169.254.1.1,            LINK_LOCAL
            fe80::1,                LINK_LOCAL
            224.0.0.1,              MULTICAST
            239.255.255.250,        MULTICAST
            ff02::1,                MULTICAST
            255.255.255.255,        RESERVED
            240.0.0.1,              RESERVED
            192.0.2.1,              RESERVED
            198.18.0.1,             RESERVED
            2001:db8::1,            RESERVED
            ::ffff:10.0.0.1,        PRIVATE
            ::ffff:127.0.0.1,       LOOPBACK
            ::ffff:169.254.169.254, METADATA
            ::7f00:1,               LOOPBACK
            64:ff9b::a9fe:a9fe,     METADATA
            2002:0a00:0001::1,      PRIVATE
            2002:7f00:0001::1,      LOOPBACK
            8.8.8.8,                PUBLIC
            93.184.216.34,          PUBLIC
            172.32.0.1,             PUBLIC
            172.15.255.255,         PUBLIC
            100.128.0.1,            PUBLIC
            169.253.1.1,            PUBLIC
            223.255.255.255,        PUBLIC
            2606:4700::1111,        PUBLIC
            2a00:1450:4001::200e,   PUBLIC
            2002:0808:0808::1,      PUBLIC
            ::ffff:8.8.8.8,         PUBLIC
            """)
    void classifiesAddresses(String literal, AddressKind kind) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(kind);
    }
}
