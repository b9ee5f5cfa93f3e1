package shop.analytics.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.gateway.RequestObserved;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/**
 * A gateway request delivered twice is one request fact and counted once, with no processed-event row
 * per request: the fact's key (the event id) is the deduplication.
 */
@QuarkusTest
class RequestDedupeTest {
    @Inject
    EntityManager em;

    @Test
    void aRequestDeliveredTwiceIsOneFactCountedOnceWithoutAProcessedEventRow() {
        long before = LiveCountsTest.counted("requestsObserved");
        EventEnvelope request = event("/api/catalog/products");
        EventEnvelope marker = event("/api/catalog/categories");
        String json = EventJson.write(request);
        // same key, so same partition: once the marker is counted, both copies were handled
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.GATEWAY_REQUESTS, "10.9.8.7", json, json,
                EventJson.write(marker));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("analytics_request where source = 'live' and event_key = '"
                + marker.eventId() + "'") == 1);
        assertEquals(before + 2, LiveCountsTest.counted("requestsObserved"));
        assertEquals(1, count("analytics_request where source = 'live' and event_key = '" + request.eventId() + "'"));
        assertEquals(0, count("processed_event where event_id in ('" + request.eventId() + "', '" + marker.eventId() + "')"));
    }

    private static EventEnvelope event(String path) {
        return EventJson.envelope(RequestObserved.TYPE, RequestObserved.VERSION,
                new RequestObserved(Instant.now(), "10.9.8.7", "GET", path, null, 200, 5, null, "req-dedupe"));
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + fromWhere).getSingleResult()).longValue());
    }
}
