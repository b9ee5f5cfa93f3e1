package shop.orders.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The payment settings order-service refuses to start with outside the development profiles
 * (docs/deployment.md, "Before you go live", rows 1 and 2). That a refusal stops the packaged jar, exits
 * non-zero and names the setting is proven once end to end by ProductionProfileSystemTest; which
 * settings are refused is this rule, checked here case by case.
 */
class PaymentSettingsTest {

    private static final String PUBLIC_URL = "https://shop.example";

    @Test
    void theShippedDefaultsNameTheProviderAndThePublicAddressToSet() {
        List<String> problems = settings(false, null, null, null, null).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertNamed(problems.get(0), "no payment provider is configured", "SHOP_PAYMENTS_PROVIDER=sberbank",
                "SHOP_PAYMENTS_SBERBANK_USERNAME", "SHOP_PAYMENTS_SBERBANK_PASSWORD");
        assertNamed(problems.get(1), "SHOP_PAYMENTS_PUBLIC_URL");
    }

    @Test
    void theSandboxIsRefusedInProductionAndAllowedInTheDevelopmentProfiles() {
        List<String> production = settings(false, "sandbox", null, null, PUBLIC_URL).problems();
        assertEquals(1, production.size(), production.toString());
        assertNamed(production.get(0), "shop.payments.provider=sandbox", "SHOP_PAYMENTS_PROVIDER=sberbank");

        assertEquals(List.of(), settings(true, "sandbox", null, null, PUBLIC_URL).problems());
    }

    @Test
    void sberbankNeedsBothCredentials() {
        for (List<String> credentials : List.of(List.of("", ""), List.of("shop-api", " "), List.of(" ", "bank-secret"))) {
            List<String> problems = settings(false, "sberbank", credentials.get(0), credentials.get(1), PUBLIC_URL).problems();
            assertEquals(1, problems.size(), credentials + ": " + problems);
            assertNamed(problems.get(0), "SHOP_PAYMENTS_SBERBANK_USERNAME", "SHOP_PAYMENTS_SBERBANK_PASSWORD");
        }
        List<String> noneAtAll = settings(false, "sberbank", null, null, PUBLIC_URL).problems();
        assertEquals(1, noneAtAll.size(), noneAtAll.toString());
    }

    @Test
    void anUnknownProviderIsNamedWithTheKnownOnes() {
        List<String> problems = settings(false, "paypal", "u", "p", PUBLIC_URL).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertNamed(problems.get(0), "shop.payments.provider=paypal is no payment provider", "sberbank", "sandbox");
    }

    @Test
    void thePublicAddressMustBeAnAbsoluteHttpUrl() {
        for (String url : List.of("", "shop.example", "/orders", "ftp://shop.example", "https://", "http//shop.example")) {
            List<String> problems = settings(false, "sberbank", "shop-api", "bank-secret", url).problems();
            assertEquals(1, problems.size(), "'" + url + "': " + problems);
            assertNamed(problems.get(0), "SHOP_PAYMENTS_PUBLIC_URL");
        }
        for (String url : List.of("https://shop.example", "http://127.0.0.1:8080", " https://shop.example/ ")) {
            assertEquals(List.of(), settings(false, "sberbank", "shop-api", "bank-secret", url).problems(), url);
        }
    }

    @Test
    void aProductionConfigurationAsDocumentedHasNoProblems() {
        assertEquals(List.of(), settings(false, " sberbank ", "shop-api", "bank-secret", PUBLIC_URL).problems());
    }

    private static PaymentSettings settings(boolean developmentProfile, String provider, String username,
                                            String password, String publicUrl) {
        PaymentSettings settings = new PaymentSettings() {
            @Override
            boolean sandboxAllowed() {
                return developmentProfile;
            }
        };
        settings.provider = Optional.ofNullable(provider);
        settings.sberbankUsername = Optional.ofNullable(username);
        settings.sberbankPassword = Optional.ofNullable(password);
        settings.publicUrl = Optional.ofNullable(publicUrl);
        return settings;
    }

    private static void assertNamed(String problem, String... named) {
        for (String text : named) {
            assertTrue(problem.contains(text), "names " + text + ": " + problem);
        }
    }
}
