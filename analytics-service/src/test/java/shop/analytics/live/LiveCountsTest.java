package shop.analytics.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.contracts.gateway.RequestObserved;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class LiveCountsTest {
    private static final String STAFF = TestTokens.issue("1", "admin");

    static long counted(String field) {
        return ((Number) given().auth().oauth2(STAFF).when().get("/api/analytics/live/counts")
                .then().statusCode(200).extract().path(field)).longValue();
    }

    @Test
    void aCategoryEventDeliveredTwiceIsCountedOnce() {
        long before = counted("categoriesCreated");
        EventEnvelope event = EventJson.envelope(CategoryChanged.CREATED, CategoryChanged.VERSION,
                new CategoryChanged(501, "Socks", null));
        String json = EventJson.write(event);
        // a marker event after the duplicate, on the same key and so the same partition: once the marker
        // is counted, the duplicate has been handled too
        String marker = EventJson.write(EventJson.envelope(CategoryChanged.CREATED, CategoryChanged.VERSION,
                new CategoryChanged(502, "Scarves", null)));
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_CATEGORIES, "501", json, json, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> counted("categoriesCreated") >= before + 2);
        org.junit.jupiter.api.Assertions.assertEquals(before + 2, counted("categoriesCreated"));
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedAndConsumptionGoesOn() {
        long before = counted("requestsObserved");
        String request = EventJson.write(EventJson.envelope(RequestObserved.TYPE, RequestObserved.VERSION,
                new RequestObserved(java.time.Instant.now(), "127.0.0.1", "GET", "/api/catalog/products", null,
                        200, 12, null, "req-1")));
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.GATEWAY_REQUESTS, "127.0.0.1",
                "this is not json", "{\"unexpected\":true}", request);
        await().atMost(Duration.ofSeconds(30)).until(() -> counted("requestsObserved") == before + 1);
    }

    @Test
    void countsAreForStaffOnly() {
        given().when().get("/api/analytics/live/counts").then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("9", "customer")).when().get("/api/analytics/live/counts")
                .then().statusCode(403);
    }
}
