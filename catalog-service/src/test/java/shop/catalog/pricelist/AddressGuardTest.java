package shop.catalog.pricelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.commons.domain.Invalid;

/** Which addresses a price list may be fetched from: public ones only (literals: no DNS is asked). */
class AddressGuardTest {
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** IPv4-mapped and other IPv4-carrying IPv6 forms, built from bytes so that Java keeps them IPv6. */
    private static InetAddress ipv6(int... bytes) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) bytes[i];
        }
        try {
            return java.net.Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "127.0.0.1", "127.1.2.3", "0.0.0.0", "0.1.2.3", "100.64.0.1", "198.18.0.1",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8",
            "::1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:c0a8:101::1"})
    void privateLoopbackLinkLocalMulticastAndUnspecifiedAreRefused(String literal) {
        assertFalse(AddressGuard.isPublic(address(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.128.0.1",
            "169.253.0.1", "11.0.0.1", "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888",
            "::ffff:8.8.8.8", "2002:808:808::1"})
    void publicAddressesAreAllowed(String literal) {
        assertTrue(AddressGuard.isPublic(address(literal)), literal);
    }

    @Test
    void ipv4MappedAddressesThatJavaKeepsAsIpv6AreJudgedByTheirIpv4Address() {
        assertFalse(AddressGuard.isPublic(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)));
        assertFalse(AddressGuard.isPublic(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 168, 0, 1)));
        assertTrue(AddressGuard.isPublic(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 8, 8, 4, 4)));
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsNotPublicAndTheRuleCanBeTurnedOff() {
        Invalid refused = assertThrows(Invalid.class, () -> new AddressGuard(false).resolve("127.0.0.1"));
        assertEquals("url", refused.fields().get(0).name());
        assertTrue(refused.getMessage().contains("not a public address (127.0.0.1)"), refused.getMessage());
        assertThrows(Invalid.class, () -> new AddressGuard(false).resolve("[::1]"));
        assertThrows(Invalid.class, () -> new AddressGuard(false).resolve("localhost"));
        assertEquals(1, new AddressGuard(true).resolve("127.0.0.1").size());
    }
}
