package shop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.system.SpanReceiver.ExportedSpan;
import shop.system.SpanReceiver.Kind;

/**
 * One order, one trace: the gateway's request, order-service's placement, catalog's reservation and
 * order-service's confirmation are spans of the same trace, linked parent to child across HTTP and Kafka
 * (through both outboxes). The spans are the ones the applications export over OTLP to {@link SpanReceiver}.
 */
class TraceSystemTest {
    static final Duration EXPORTED = Duration.ofSeconds(60);

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void anOrdersPlacementReservationAndConfirmationShareTheClientsTrace() {
        OrderJourneySystemTest.Shop shop = OrderJourneySystemTest.shop(5);
        String customer = RunningPlatform.newCustomerToken();
        OrderJourneySystemTest.putInCart(customer, shop, 2);
        // the client starts the trace, so the test knows its id; the gateway continues it
        String traceId = hex(16);
        int orderId = OrderJourneySystemTest.as(customer).header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .body(OrderJourneySystemTest.order(shop, "cash"))
                .when().post("/api/orders").then().statusCode(201).extract().path("id");
        await().atMost(OrderJourneySystemTest.SAGA)
                .until(() -> OrderJourneySystemTest.status(customer, orderId).equals("confirmed"));

        SpanReceiver spans = SpanReceiver.shared();
        // the gateway's server span and its client span to order-service
        ExportedSpan gatewayServer = span(spans, traceId, "gateway", Kind.SERVER, span -> true);
        ExportedSpan gatewayClient = span(spans, traceId, "gateway", Kind.CLIENT, span -> true);
        assertEquals(gatewayServer.spanId(), gatewayClient.parentSpanId());
        // order-service's POST /api/orders, child of the gateway's request to it
        ExportedSpan placement = span(spans, traceId, "order-service", Kind.SERVER,
                span -> span.name().contains("POST") && span.name().contains("/api/orders"));
        assertEquals(gatewayClient.spanId(), placement.parentSpanId());
        // OrderPlaced leaves order-service's outbox in a producer span of this trace...
        ExportedSpan placed = span(spans, traceId, "order-service", Kind.PRODUCER, event("OrderPlaced"));
        assertEquals("orders.events", placed.attribute("messaging.destination.name"));
        // ...catalog reserves the stock in a consumer span, its child...
        ExportedSpan reservation = span(spans, traceId, "catalog-service", Kind.CONSUMER, event("OrderPlaced"));
        assertEquals(placed.spanId(), reservation.parentSpanId());
        // ...and sends StockReserved from its own outbox, still in this trace...
        ExportedSpan reserved = span(spans, traceId, "catalog-service", Kind.PRODUCER, event("StockReserved"));
        assertEquals(reservation.spanId(), reserved.parentSpanId(), "written while consuming OrderPlaced");
        // ...on which order-service confirms the order, and OrderConfirmed goes out in the same trace
        ExportedSpan confirmation = span(spans, traceId, "order-service", Kind.CONSUMER, event("StockReserved"));
        assertEquals(reserved.spanId(), confirmation.parentSpanId());
        ExportedSpan confirmed = span(spans, traceId, "order-service", Kind.PRODUCER, event("OrderConfirmed"));
        assertEquals(confirmation.spanId(), confirmed.parentSpanId());
    }

    private static Predicate<ExportedSpan> event(String type) {
        return span -> type.equals(span.attribute("shop.event.type"));
    }

    /** The first span of the trace from that service, of that kind, that matches, once it has been exported. */
    private static ExportedSpan span(SpanReceiver spans, String traceId, String service, Kind kind,
                                     Predicate<ExportedSpan> which) {
        return await().atMost(EXPORTED).until(() -> spans.trace(traceId).stream()
                        .filter(span -> service.equals(span.service()) && span.kind() == kind && which.test(span))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return java.util.HexFormat.of().formatHex(random);
    }
}
