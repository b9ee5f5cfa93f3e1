package shop.gateway.requestlog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.KafkaDownProfile;

/** Kafka's bootstrap address is a dead port: requests must not notice. */
@QuarkusTest
@TestProfile(KafkaDownProfile.class)
class KafkaDownTest {

    @Inject
    RequestEventPublisher publisher;

    /** Metrics are on the management interface, not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true) // under the management root /q
    java.net.URL managementMetrics;

    @Test
    void requests_are_answered_quickly_and_events_are_given_up() {
        for (int i = 0; i < 40; i++) {
            given().get("/api/catalog/products/" + i).then()
                    .statusCode(200)
                    .time(lessThan(1500L));
        }
        // the producer blocks at most max-block (1 s) per event and the buffer holds 5
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publisher.failedCount() + publisher.droppedCount() >= 1);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publisher.droppedCount() >= 1);
    }

    @Test
    void kafka_being_down_does_not_make_the_gateway_unready() {
        // awaited: on a loaded machine one upstream probe may miss its 2 s timeout; with Kafka counted
        // in readiness it would never be UP at all
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void the_event_counters_are_exported() {
        given().get("/api/orders").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(managementMetrics).then().statusCode(200)
                        .body(org.hamcrest.Matchers.containsString("gateway_request_events_total{outcome=\"failed\"")));
    }
}
