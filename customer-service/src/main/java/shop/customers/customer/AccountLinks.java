package shop.customers.customer;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Links in account mails to the storefront's pages (the gateway serves them, issue 16):
 * {@code <storefront-url>/account/confirm.html#email=…&token=…} and {@code …/account/reset-password.html#…}.
 * The email and the token travel in the fragment, which a browser never sends to a server, so the
 * one-time token stays out of access logs and {@code Referer} headers; the page reads it and calls the API.
 * Without {@code shop.customers.storefront-url} the mails carry the token only (and say which API call takes it).
 */
@ApplicationScoped
public class AccountLinks {
    private static final Logger LOG = Logger.getLogger(AccountLinks.class);
    static final String CONFIRM_PAGE = "/account/confirm.html";
    static final String RESET_PAGE = "/account/reset-password.html";

    @ConfigProperty(name = "shop.customers.storefront-url")
    Optional<String> storefrontUrl;

    void warnWhenMissing(@Observes StartupEvent start) {
        if (base().isEmpty()) {
            LOG.warn("shop.customers.storefront-url (SHOP_CUSTOMERS_STOREFRONT_URL) is not an absolute http(s) URL:"
                    + " confirmation and password reset mails carry the token without a link to the storefront");
        }
    }

    /** The link to the confirmation page for this address and token, when the storefront's address is known. */
    public Optional<String> confirmation(String email, String token) {
        return link(CONFIRM_PAGE, email, token);
    }

    /** The link to the page that sets a new password with this token. */
    public Optional<String> passwordReset(String email, String token) {
        return link(RESET_PAGE, email, token);
    }

    private Optional<String> link(String page, String email, String token) {
        return base().map(base -> base + page + "#email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The configured address without a trailing slash; empty unless it is an absolute http(s) URL. */
    Optional<String> base() {
        return storefrontUrl.map(String::trim).filter(AccountLinks::absoluteHttpUrl)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    static boolean absoluteHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
