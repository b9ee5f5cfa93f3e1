package shop.catalog.pricelist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.domain.Invalid;

/**
 * Which addresses the platform may fetch a price list from: only public ones. A URL is the client's, so
 * without this a supplier could make the catalog call what only the service can reach (the database's
 * host, a cloud metadata endpoint at 169.254.169.254, an admin port on 127.0.0.1). The host is resolved
 * and <em>every</em> address it resolves to is checked before connecting; one forbidden address refuses
 * the host. (The JDK keeps a successful lookup for 30 s, so the client's own lookup a moment later gets
 * the same answer: a name that changes its answer between the check and the connect does not get through.)
 *
 * <p>{@code shop.price-lists.fetch.allow-private-addresses=true} turns the rule off (a deployment whose
 * suppliers publish on an intranet; the tests' local server on 127.0.0.1). Off by default.
 */
@ApplicationScoped
public class AddressGuard {
    private final boolean allowPrivate;

    AddressGuard() {
        this(false);
    }

    @Inject
    public AddressGuard(@ConfigProperty(name = "shop.price-lists.fetch.allow-private-addresses", defaultValue = "false")
                        boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * The host's addresses, all of them allowed.
     *
     * @throws Invalid (field {@code url}) when the host does not resolve or one of its addresses is not public
     */
    public List<InetAddress> resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            throw Invalid.field("url", "the host " + host + " is unknown");
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && !isPublic(address)) {
                throw Invalid.field("url", "the host " + host + " is not a public address (" + address.getHostAddress()
                        + "): price lists are fetched only from the internet");
            }
        }
        return List.of(addresses);
    }

    /**
     * Whether an address is on the public internet: not unspecified, loopback, private (10/8, 172.16/12,
     * 192.168/16, fc00::/7, the old fec0::/10), link-local (169.254/16, fe80::/10), multicast, carrier-grade
     * NAT (100.64/10), "this network" (0/8), reserved (240/4, broadcast) or benchmarking (198.18/15); an IPv6
     * address that carries an IPv4 one (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d},
     * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by that IPv4 address.
     */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                return isPublic(embedded);
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7, unique local
                return false;
            }
            return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress());
        }
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || a0 == 0                                  // 0.0.0.0/8, "this network"
                || a0 == 127                                // all of 127/8 (isLoopback covers it; kept explicit)
                || (a0 == 100 && (a1 & 0xc0) == 64)         // 100.64.0.0/10, carrier-grade NAT
                || (a0 == 198 && (a1 & 0xfe) == 18)         // 198.18.0.0/15, benchmarking
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                || a0 >= 240);                              // 240.0.0.0/4 reserved, 255.255.255.255
    }

    /** The IPv4 address an IPv6 one carries, or null. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
        boolean mapped = zeros80 && w5 == 0xffff;
        // ::a.b.c.d (deprecated IPv4-compatible), but not :: and ::1, which are judged as IPv6
        int last = ((b[12] & 0xff) << 24) | ((b[13] & 0xff) << 16) | ((b[14] & 0xff) << 8) | (b[15] & 0xff);
        boolean compatible = zeros80 && w5 == 0 && last != 0 && last != 1;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        try {
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 2002:a.b.c.d::/48, 6to4
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
