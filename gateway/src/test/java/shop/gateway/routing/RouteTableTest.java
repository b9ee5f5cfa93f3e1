package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void a_prefix_matches_itself_and_below_but_not_longer_words() {
        assertEquals(Optional.of(Upstream.CATALOG), RouteTable.resolve("/api/catalog"));
        assertEquals(Optional.of(Upstream.CATALOG), RouteTable.resolve("/api/catalog/"));
        assertEquals(Optional.of(Upstream.CATALOG), RouteTable.resolve("/api/catalog/products/1"));
        assertEquals(Optional.empty(), RouteTable.resolve("/api/catalogue"));
        assertEquals(Optional.of(Upstream.ORDER), RouteTable.resolve("/api/order-statuses"));
        assertEquals(Optional.of(Upstream.ORDER), RouteTable.resolve("/api/orders"));
        assertEquals(Optional.empty(), RouteTable.resolve("/api/order"));
        assertEquals(Optional.of(Upstream.ANALYTICS), RouteTable.resolve("/analytics"));
        assertEquals(Optional.empty(), RouteTable.resolve("/analyticsx"));
        assertEquals(Optional.empty(), RouteTable.resolve("/api"));
        assertEquals(Optional.empty(), RouteTable.resolve(null));
    }
}
