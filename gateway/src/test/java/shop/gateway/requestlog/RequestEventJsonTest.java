package shop.gateway.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.gateway.RequestObserved;
import shop.gateway.client.RequestIds;

/** The hand-written request event is exactly what the contracts' Jackson writer makes of it. */
class RequestEventJsonTest {

    /** The same settings as EventJson's own mapper, to build the payload tree it would build. */
    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void a_plain_request_is_written_as_jackson_writes_it() {
        assertSameAsJackson(new RequestObserved(Instant.parse("2026-12-05T10:11:12.345678901Z"), "127.0.0.1", "GET",
                "/api/catalog/products", "categoryId=1&limit=20", 200, 12, null, "req-1", null));
    }

    @Test
    void every_optional_field_and_whole_second_instants() {
        assertSameAsJackson(new RequestObserved(Instant.parse("2026-12-05T10:11:12Z"), "::1", "POST", "/api/cart/items",
                null, 499, 0, "user-42", RequestIds.randomUuid().toString(), "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void instants_of_every_precision_and_range_are_written_like_jackson() {
        // alternating with the envelope's own second, so the gateway's per-second cache is missed and hit
        for (String time : List.of("2026-12-05T10:11:12.000001Z", "2026-12-05T10:11:12.000000010Z", "2026-12-05T10:11:12.120Z",
                "2026-12-05T10:11:13.999999999Z", "2026-12-05T10:11:13Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
                "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z")) {
            assertSameAsJackson(new RequestObserved(Instant.parse(time), "127.0.0.1", "GET", "/api/cart", null, 200, 1, null,
                    "r", null));
        }
    }

    @Test
    void quotes_backslashes_control_and_non_ascii_characters_are_escaped_like_jackson() {
        String nasty = "a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u007fk/ü€😀\u2028";
        assertSameAsJackson(new RequestObserved(Instant.parse("2026-01-01T00:00:00.100Z"), nasty, "GET",
                "/api/catalog/" + nasty, nasty, 404, Long.MAX_VALUE, nasty, nasty, nasty));
    }

    @Test
    void the_event_reads_back_through_the_contracts() {
        RequestObserved event = new RequestObserved(Instant.parse("2026-12-05T10:11:12.5Z"), "10.0.0.7", "DELETE",
                "/api/orders/7", "x=\"1\"", 204, 3, "u", "r", null);
        UUID eventId = RequestIds.randomUuid();
        EventEnvelope envelope = EventJson.read(RequestEventJson.envelope(eventId, Instant.parse("2026-12-05T10:11:13Z"), event));
        assertEquals(eventId, envelope.eventId());
        assertEquals(RequestObserved.TYPE, envelope.type());
        assertEquals(RequestObserved.VERSION, envelope.version());
        assertEquals(event, EventJson.payload(envelope, RequestObserved.class));
    }

    @Test
    void random_ids_are_version_4_uuids() {
        UUID id = RequestIds.randomUuid();
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
        assertEquals(id, UUID.fromString(id.toString()));
    }

    private static void assertSameAsJackson(RequestObserved event) {
        UUID eventId = RequestIds.randomUuid();
        Instant occurredAt = Instant.parse("2026-12-05T10:11:13.000000001Z");
        String expected = EventJson.write(new EventEnvelope(eventId, RequestObserved.TYPE, occurredAt,
                RequestObserved.VERSION, JACKSON.valueToTree(event)));
        assertEquals(expected, RequestEventJson.envelope(eventId, occurredAt, event));
    }
}
