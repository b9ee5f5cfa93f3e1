package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.Problems;
import shop.gateway.testing.RetryProfile;

/**
 * A failed attempt goes to another instance only when that is safe (RetryPolicy): nothing sent, or an
 * idempotent request with a body the gateway can send again that lost its connection before any answer.
 */
@QuarkusTest
@TestProfile(RetryProfile.class)
class RetryTest {

    @TestHTTPResource("/")
    URI testUrl;

    @Inject
    UpstreamProxies proxies;

    @Inject
    MeterRegistry registry;

    /** order-service's first instance, in rotation as if its last readiness check had passed: it has just died. */
    private UpstreamInstance deadOrderInstanceInRotation() {
        UpstreamInstance dead = proxies.instances(Upstream.ORDER).list().get(0);
        dead.readiness(true, null);
        return dead;
    }

    private double orderRetries() {
        return registry.get("gateway.upstream.retries").tag("service", "order-service").counter().count();
    }

    // The balancer alternates between two idle instances, so one of two requests goes to the dead one
    // first; it is retried on the other and the dead one is out of rotation from then on.

    @Test
    void a_get_refused_by_one_instance_is_answered_by_the_other() {
        UpstreamInstance dead = deadOrderInstanceInRotation();
        double retriesBefore = orderRetries();
        for (int i = 0; i < 2; i++) {
            given().get("/api/orders?n=" + i).then().statusCode(200).body("instance", equalTo("order#1"));
        }
        assertEquals(retriesBefore + 1, orderRetries());
        assertFalse(dead.ready(), "a failed connection takes the instance out of rotation");
    }

    @Test
    void a_post_refused_by_one_instance_is_answered_by_the_other() {
        UpstreamInstance dead = deadOrderInstanceInRotation();
        double retriesBefore = orderRetries();
        for (int i = 0; i < 2; i++) {
            String body = "{\"items\":[" + i + "]}";
            given().contentType("application/json").body(body).post("/api/cart/items").then().statusCode(200)
                    .body("instance", equalTo("order#1"))
                    .body("method", equalTo("POST"))
                    .body("bodyLength", equalTo(body.length()));
        }
        assertEquals(retriesBefore + 1, orderRetries(), "nothing was sent to the dead one: safe to retry");
        assertFalse(dead.ready());
    }

    @Test
    void a_chunked_upload_refused_by_one_instance_is_streamed_to_the_other() throws Exception {
        UpstreamInstance dead = deadOrderInstanceInRotation();
        double retriesBefore = orderRetries();
        byte[] upload = new byte[50_000];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 2; i++) {
            // a body of unknown length: sent chunked, streamed through the gateway
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + testUrl.getPort() + "/api/orders/imports"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonPath echo = JsonPath.from(response.body());
            assertEquals("order#1", echo.getString("instance"));
            assertEquals("chunked", echo.getString("headers.'transfer-encoding'"));
            assertEquals(upload.length, echo.getInt("bodyLength"));
        }
        assertEquals(retriesBefore + 1, orderRetries());
        assertFalse(dead.ready());
    }

    @Test
    void a_post_whose_instance_dies_mid_request_is_not_retried() {
        String id = UUID.randomUUID().toString();
        Response response = given().contentType("application/json").body("{\"a\":1}")
                .post("/api/catalog/die-once?id=" + id);
        Problems.assertProblem(response, 502, "/api/catalog/die-once");
        response.then().body("detail", containsString("catalog-service"));
        assertEquals(1, hits(id), "sent once");
    }

    @Test
    void a_get_whose_instance_dies_before_answering_is_answered_by_the_other() {
        String id = UUID.randomUUID().toString();
        given().get("/api/catalog/die-once?id=" + id).then().statusCode(200).body("service", equalTo("catalog"));
        assertEquals(2, hits(id));
    }

    @Test
    void a_small_put_is_buffered_and_sent_again() {
        String id = UUID.randomUUID().toString();
        String body = "{\"name\":\"" + "x".repeat(200) + "\"}";
        given().contentType("application/json").body(body).put("/api/catalog/die-once?id=" + id)
                .then().statusCode(200).body("method", equalTo("PUT")).body("bodyLength", equalTo(body.length()));
        assertEquals(2, hits(id));
    }

    @Test
    void a_put_too_large_to_buffer_is_not_sent_again() {
        String id = UUID.randomUUID().toString();
        Response response = given().contentType("application/octet-stream")
                .body(new byte[RetryProfile.MAX_BUFFERED_BODY + 1]).put("/api/catalog/die-once?id=" + id);
        Problems.assertProblem(response, 502, "/api/catalog/die-once");
        assertEquals(1, hits(id));
    }

    @Test
    void each_other_instance_is_tried_once_at_most() {
        String id = UUID.randomUUID().toString();
        Problems.assertProblem(given().get("/api/catalog/die?id=" + id), 502, "/api/catalog/die");
        assertEquals(2, hits(id), "two instances: the first attempt and one retry");
    }

    @Test
    void a_timeout_is_not_retried() {
        String id = UUID.randomUUID().toString();
        Problems.assertProblem(given().get("/api/catalog/slow?ms=" + (RetryProfile.PROXY_TIMEOUT_SECONDS + 5) * 1000 + "&id=" + id), 504, "/api/catalog/slow");
        assertEquals(1, hits(id));
    }

    @Test
    void when_every_instance_is_out_the_service_is_unavailable_503() {
        // analytics-service: two instances, nothing listens on either; each breaker opens after 2 failures
        Problems.assertProblem(given().get("/api/analytics/sales"), 502, "/api/analytics/sales");
        Response response = null;
        for (int i = 0; i < RetryProfile.FAILURE_THRESHOLD; i++) {
            response = given().get("/api/analytics/sales");
            if (response.statusCode() == 503) {
                break;
            }
            Problems.assertProblem(response, 502, "/api/analytics/sales");
        }
        Problems.assertProblem(response, 503, "/api/analytics/sales");
        response.then().header("Retry-After", notNullValue()).body("detail", containsString("analytics-service"));
    }

    /** Requests with this {@code ?id=} the catalog stand-ins received, both instances together. */
    private static int hits(String id) {
        String firstInstance = ConfigProvider.getConfig().getValue("shop.services.catalog.url", String.class).split(",")[0];
        return Integer.parseInt(given().baseUri(firstInstance).basePath("").get("/stand-in/hits?id=" + id)
                .then().statusCode(200).extract().asString());
    }
}
