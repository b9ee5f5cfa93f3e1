package shop.customers.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountLinksTest {
    private static AccountLinks with(String url) {
        AccountLinks links = new AccountLinks();
        links.storefrontUrl = Optional.ofNullable(url);
        return links;
    }

    @Test
    void theEmailIsEncodedAndTheTrailingSlashDropped() {
        assertEquals(Optional.of("https://shop.example/account/confirm.html#email=a%2Bb%40example.com&token=t-1_x"),
                with("https://shop.example/").confirmation("a+b@example.com", "t-1_x"));
        assertEquals(Optional.of("http://localhost:8080/account/reset-password.html#email=a%40b.ru&token=abc"),
                with(" http://localhost:8080 ").passwordReset("a@b.ru", "abc"));
    }

    @Test
    void noLinkWithoutAnAbsoluteHttpAddress() {
        for (String url : new String[] {null, "", "shop.example", "/account", "ftp://shop.example", "javascript:alert(1)",
                "https://shop.example/?x=1"}) {
            assertTrue(with(url).confirmation("a@b.ru", "abc").isEmpty(), String.valueOf(url));
        }
    }
}
