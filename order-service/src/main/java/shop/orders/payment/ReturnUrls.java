package shop.orders.payment;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.domain.Invalid;

/**
 * Where the customer's browser may be sent back after paying: no open redirect. A return or fail URL is
 * either a path on the shop's own public address ({@code /orders/5}, resolved against
 * {@code shop.payments.public-url}) or an absolute http(s) URL whose origin (scheme, host, port) is in
 * {@code shop.payments.return-url-allow-list} (default: the public URL's origin alone).
 *
 * <p>Checked when a payment starts (400 otherwise) and again before every redirect, so a URL stored before
 * the list was narrowed sends the browser to the shop's home page instead.
 */
@ApplicationScoped
public class ReturnUrls {
    private static final int MAX_LENGTH = 2000; // the payment table's column

    @ConfigProperty(name = "shop.payments.return-url-allow-list")
    Optional<List<String>> allowList;

    /** The origins accepted: the configured ones, or the public URL's. */
    Set<String> origins() {
        List<String> configured = allowList.filter(list -> !list.isEmpty()).orElse(List.of(PaymentUrls.base()));
        return configured.stream().map(String::trim).filter(s -> !s.isEmpty()).map(ReturnUrls::origin)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The URL to store for {@code field}: absolute, on the allow-list; else a 400 problem naming the field. */
    String accept(String field, String url) {
        if (url == null || url.isBlank()) {
            throw invalid(field, "is required");
        }
        String resolved = resolve(url.trim());
        if (resolved == null) {
            throw invalid(field, "must be a path on the shop (/...) or an http(s) URL of an allowed origin ("
                    + String.join(", ", origins().stream().sorted().toList()) + ")");
        }
        return resolved;
    }

    /** Where to send the browser for a stored URL: itself if still allowed, else the shop's public address. */
    URI redirect(String stored) {
        String resolved = stored == null ? null : resolve(stored);
        return URI.create(resolved != null ? resolved : PaymentUrls.base() + "/");
    }

    /** The absolute URL if allowed, else null. */
    private String resolve(String url) {
        if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c < 0x21 || c == 0x7F || c == '\\')) {
            return null; // control characters, spaces and backslashes: browsers "repair" them into other hosts
        }
        if (url.startsWith("/")) {
            // a path on the shop; "//host" is a protocol-relative URL to another host
            if (url.startsWith("//")) {
                return null;
            }
            url = PaymentUrls.base() + url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return null;
        }
        return origins().contains(origin(uri)) ? uri.toString() : null;
    }

    /** "HTTPS://Shop.Example:443/x" → "https://shop.example:443". */
    static String origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("shop.payments.return-url-allow-list: '" + url
                        + "' is not an origin like https://shop.example");
            }
            return origin(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("shop.payments.return-url-allow-list: '" + url + "' is not a URL", e);
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static Invalid invalid(String field, String message) {
        return new Invalid(field + ": " + message, List.of(new Invalid.Field(field, message)));
    }
}
