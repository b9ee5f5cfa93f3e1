package shop.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.customers.CustomerChanged;

/**
 * Fields added to a payload without a version bump: records written before them (still on the compacted
 * topics, or sent by a service not yet upgraded) must keep parsing, the new fields reading as null.
 */
class OlderPayloadsTest {
    @Test
    void variantStateWithoutSizeAndColourParses() {
        String record = """
                {"eventId":"6f1c2a4e-0000-4000-8000-000000000001","type":"VariantUpserted",
                 "occurredAt":"2026-01-01T10:00:00Z","version":1,
                 "payload":{"variantId":7,"productId":3,"categoryId":1,"supplierId":2,"productName":"Dress",
                            "variantName":"","article":"A-1","price":100.00,"discountedPrice":null,
                            "available":4,"active":true,"supplierAcceptingOrders":true,"productDeleted":false}}""";
        VariantState state = EventJson.payload(EventJson.read(record), VariantState.class);
        assertEquals(7, state.variantId());
        assertEquals("Dress", state.productName());
        assertEquals(0, new BigDecimal("100.00").compareTo(state.price()));
        assertEquals(4, state.available());
        assertNull(state.sizeName());
        assertNull(state.colorName());
        assertNull(state.colorCode());
    }

    @Test
    void variantStateCarriesSizeAndColour() {
        VariantState sent = new VariantState(7, 3, 1L, 2L, "Dress", null, "A-1", new BigDecimal("100.00"), null, 4,
                true, true, false, "42", "red", "#FF0000");
        String record = EventJson.write(EventJson.envelope(VariantState.UPSERTED, VariantState.VERSION, sent));
        VariantState read = EventJson.payload(EventJson.read(record), VariantState.class);
        assertEquals("42", read.sizeName());
        assertEquals("red", read.colorName());
        assertEquals("#FF0000", read.colorCode());
    }

    @Test
    void customerChangedWithoutMiddleNameParses() {
        String record = """
                {"eventId":"6f1c2a4e-0000-4000-8000-000000000002","type":"CustomerRegistered",
                 "occurredAt":"2026-01-01T10:00:00Z","version":1,
                 "payload":{"customerId":5,"firstName":"Maria","lastName":"Ivanova","email":"m@example.com",
                            "phone":"+79160000001"}}""";
        CustomerChanged customer = EventJson.payload(EventJson.read(record), CustomerChanged.class);
        assertEquals("Maria", customer.firstName());
        assertNull(customer.middleName());
    }
}
