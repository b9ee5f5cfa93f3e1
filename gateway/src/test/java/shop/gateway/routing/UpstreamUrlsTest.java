package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamUrlsTest {

    private static final String KEY = "shop.services.catalog.url";

    @Test
    void one_url_is_one_instance() {
        assertEquals(List.of(URI.create("http://127.0.0.1:8081")), UpstreamUrls.parse(KEY, "http://127.0.0.1:8081"));
    }

    @Test
    void a_comma_separated_list_is_one_instance_each_in_order() {
        assertEquals(List.of(URI.create("http://127.0.0.1:8081"), URI.create("https://catalog-2.internal:8443")),
                UpstreamUrls.parse(KEY, " http://127.0.0.1:8081 , https://catalog-2.internal:8443,"));
    }

    @Test
    void what_is_not_a_list_of_base_urls_is_refused_naming_the_key() {
        for (String value : new String[] {"", " , ", "127.0.0.1:8081", "ftp://host:1", "http://a:1,http://a:1", "http://a b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpstreamUrls.parse(KEY, value), value);
            assertTrue(e.getMessage().startsWith(KEY), e.getMessage());
        }
    }
}
