package shop.commons.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** The filter's quick look at the request as it came in, which lets nearly every request through unchecked. */
class NulCharacterFilterTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void anOrdinaryRequestNeedsNoFurtherLook() {
        assertFalse(NulCharacterFilter.mayCarryNul("/api/catalog/products?limit=20&categoryId=1&q=%20shirt%2500",
                headers("Accept", "application/json", "X-Request-Id", "abc")));
    }

    @Test
    void anEncodedNulInThePathOrTheQueryIsLookedAt() {
        assertTrue(NulCharacterFilter.mayCarryNul("/api/order-statuses/%00", headers()));
        assertTrue(NulCharacterFilter.mayCarryNul("/api/catalog/products?q=a%00b", headers()));
    }

    @Test
    void aRawNulInTheUriOrInAnyHeaderValueIsLookedAt() {
        assertTrue(NulCharacterFilter.mayCarryNul("/api/x\0", headers()));
        assertTrue(NulCharacterFilter.mayCarryNul("/api/catalog/products",
                headers("Accept", "application/json", "X-Note", "a\0b")));
    }
}
