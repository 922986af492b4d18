package dev.chartroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URL rules with a fake DNS: names resolve from a table, never from the network. */
class DestinationsTests {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "localhost", "127.0.0.1",
            "rebound.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.getOrDefault(host, host.matches("[0-9.:a-f]+") ? host : null);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final Destinations publicOnly = new Destinations(false, DestinationsTests::resolve);
    private final Destinations anywhere = new Destinations(true, host -> {
        throw new AssertionError("no lookup when private addresses are allowed");
    });

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hooks.example.com/chartroom",
                "http://hooks.example.com:8443/x?y=1",
                "https://93.184.216.34/",
                "HTTPS://hooks.example.com"
            })
    void publicHttpUrlsAreAccepted(String url) throws Exception {
        assertThat(publicOnly.check(url).getHost()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://169.254.169.254/latest/meta-data/ | metadata
            http://10.0.0.1/                         | private
            http://localhost/                        | loopback
            http://127.0.0.1:8080/                   | loopback
            http://[::1]/                            | loopback
            http://[fd00:ec2::254]/                  | metadata
            http://[::ffff:10.0.0.1]/                | private
            http://0.0.0.0/                          | unspecified
            http://224.0.0.1/                        | multicast
            http://rebound.example.com/              | private
            https://metadata.example.com/            | metadata
            """)
    void internalAddressesAreRefused(String url, String kind) {
        assertThatThrownBy(() -> publicOnly.check(url))
                .isInstanceOf(Destinations.Refused.class)
                .hasMessageContaining("resolves to a " + kind + " address");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ftp://hooks.example.com/          | http or https
            file:///etc/passwd                | http or https
            hooks.example.com/path            | http or https
            javascript:alert(1)               | http or https
            http://                           | not a valid URL
            http:///path                      | no host
            http://user:pw@hooks.example.com/ | credentials
            http://exa mple.com/              | not a valid URL
            http://unknown.example.com/       | cannot be resolved
            """)
    void malformedUrlsAreRefused(String url, String reason) {
        assertThatThrownBy(() -> publicOnly.check(url))
                .isInstanceOf(Destinations.Refused.class)
                .hasMessageContaining(reason);
    }

    @Test
    void privateAddressesPassWhenAllowedWithoutAnyLookup() throws Exception {
        assertThat(anywhere.check("http://localhost:9000/hooks").getPort()).isEqualTo(9000);
        assertThat(anywhere.check("http://10.0.0.1/").getHost()).isEqualTo("10.0.0.1");
    }

    @Test
    void theSchemeRuleHoldsEvenWhenPrivateAddressesAreAllowed() {
        assertThatThrownBy(() -> anywhere.check("gopher://localhost/")).isInstanceOf(Destinations.Refused.class);
    }

    @Test
    void aDeliveryToAnAddressThatTurnedInternalIsRefusedWithoutConnecting() throws Exception {
        try (var sender = new WebhookSender(
                publicOnly,
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                java.time.Clock.systemUTC())) {
            var attempt = sender.send(
                    "http://rebound.example.com/hooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "evt", "{}");

            assertThat(attempt.succeeded()).isFalse();
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).startsWith("refused: ").contains("private address");
        }
    }

    @Test
    void aDeliveryConnectsToTheAddressItsOneLookupChecked() throws Exception {
        var lookups = new java.util.concurrent.atomic.AtomicInteger();
        // A name no real DNS answers: the delivery can only arrive if the client connects where the check looked.
        var pinned = new Destinations(true, host -> {
            lookups.incrementAndGet();
            assertThat(host).isEqualTo("hooks.chartroom.test");
            return new InetAddress[] {InetAddress.getByAddress(new byte[] {127, 0, 0, 1})};
        });
        try (var receiver = new WebhookReceiver();
                var sender = new WebhookSender(
                        pinned,
                        java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofSeconds(5),
                        java.time.Clock.systemUTC())) {
            String url = receiver.url()
                    .replace("127.0.0.1", "hooks.chartroom.test")
                    .replace("localhost", "hooks.chartroom.test");

            var attempt = sender.send(url, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "evt-1", "{}");

            assertThat(attempt.succeeded()).as(attempt.describe()).isTrue();
            assertThat(lookups).hasValue(1);
            assertThat(receiver.received())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo("evt-1"))
                    .satisfies(r -> assertThat(r.header("host")).startsWith("hooks.chartroom.test"));
        }
    }
}
