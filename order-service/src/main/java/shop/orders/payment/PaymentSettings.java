package shop.orders.payment;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.deployment.DevelopmentProfiles;
import shop.commons.deployment.StartupRefusal;

/**
 * Which payment provider takes the money, checked at start-up: production (any profile but dev, test
 * and devstack) has no default provider, refuses {@code sandbox} (its page lets a buyer mark their own
 * order paid) and needs the provider's credentials and the public address before the service starts.
 */
@ApplicationScoped
public class PaymentSettings {

    @ConfigProperty(name = "shop.payments.provider")
    Optional<String> provider;

    @ConfigProperty(name = "shop.payments.public-url")
    Optional<String> publicUrl;

    @ConfigProperty(name = "shop.payments.sberbank.username")
    Optional<String> sberbankUsername;

    @ConfigProperty(name = "shop.payments.sberbank.password")
    Optional<String> sberbankPassword;

    /** Before anything else starts: a refused configuration must not take traffic or consume events. */
    void check(@Observes @Priority(1) StartupEvent start) {
        StartupRefusal.throwIfAny("order-service", problems());
    }

    /** The configured provider's name (checked at start-up). */
    String provider() {
        return provider.orElseThrow();
    }

    /** Whether the sandbox provider's page may be served: only in the development profiles. */
    boolean sandboxAllowed() {
        return DevelopmentProfiles.active();
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        String howToPay = "set SHOP_PAYMENTS_PROVIDER=" + SberbankProvider.NAME
                + " with SHOP_PAYMENTS_SBERBANK_USERNAME and SHOP_PAYMENTS_SBERBANK_PASSWORD (and SHOP_PAYMENTS_SBERBANK_URL"
                + " for the bank's test gateway)";
        String name = provider.map(String::trim).orElse("");
        if (name.isEmpty()) {
            problems.add("no payment provider is configured (shop.payments.provider): " + howToPay);
        } else if (SandboxProvider.NAME.equals(name)) {
            if (!sandboxAllowed()) {
                problems.add("shop.payments.provider=sandbox lets buyers mark their own orders paid and exists only in the "
                        + "dev, test and devstack profiles: " + howToPay);
            }
        } else if (SberbankProvider.NAME.equals(name)) {
            if (blank(sberbankUsername) || blank(sberbankPassword)) {
                problems.add("shop.payments.provider=sberbank needs the shop's API credentials: set "
                        + "SHOP_PAYMENTS_SBERBANK_USERNAME and SHOP_PAYMENTS_SBERBANK_PASSWORD");
            }
        } else {
            problems.add("shop.payments.provider=" + name + " is no payment provider (known: " + SberbankProvider.NAME
                    + ", and " + SandboxProvider.NAME + " in development): " + howToPay);
        }
        if (!absoluteHttpUrl(publicUrl)) {
            problems.add("shop.payments.public-url (SHOP_PAYMENTS_PUBLIC_URL) must be the shop's public address as browsers "
                    + "reach the gateway, e.g. https://shop.example; the payment provider sends customers back there");
        }
        return problems;
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }

    private static boolean absoluteHttpUrl(Optional<String> value) {
        try {
            URI url = URI.create(value.map(String::trim).orElse(""));
            return ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))
                    && url.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
