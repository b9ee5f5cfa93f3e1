package shop.catalog.pricelist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.commons.domain.Invalid;

/** What URL a price list may come from and what answer is taken as one (the fetch itself: PriceListFromUrlTest). */
class PriceListFetcherRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ftp://example.org/list.yaml", "file:///etc/passwd", "jar:http://x/y!/z",
            "gopher://example.org/", "example.org/list.yaml", "/list.yaml", "http:///list.yaml",
            "https://user:secret@example.org/list.yaml", "http://exa mple.org/"})
    void onlyAbsoluteHttpAndHttpsUrlsWithoutCredentials(String url) {
        Invalid refused = assertThrows(Invalid.class, () -> PriceListFetcher.parse(url));
        assertEquals("url", refused.fields().get(0).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/list.yaml", "HTTPS://example.org:8443/a/b?c=d"})
    void httpAndHttpsUrlsAreTaken(String url) {
        assertDoesNotThrow(() -> PriceListFetcher.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/yaml", "application/x-yaml", "text/yaml; charset=utf-8", "TEXT/PLAIN;charset=UTF-8",
            "text/plain; charset=\"utf-8\""})
    void theTypesAnUploadTakes(String contentType) {
        assertDoesNotThrow(() -> PriceListFetcher.requireType(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/json", "text/html; charset=utf-8", "application/octet-stream",
            "text/plain; charset=windows-1251"})
    void otherTypesAndCharsetsAreRefused(String contentType) {
        assertThrows(Invalid.class, () -> PriceListFetcher.requireType(contentType.isEmpty() ? null : contentType));
    }
}
