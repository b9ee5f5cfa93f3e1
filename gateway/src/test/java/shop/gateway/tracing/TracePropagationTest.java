package shop.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

/** The gateway starts a W3C trace per request, or continues the client's, and the proxied request carries it. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class TracePropagationTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void a_request_without_a_trace_starts_one_that_the_service_receives() {
        String first = upstreamTraceparent(given().get("/api/catalog/products").then().statusCode(200).extract().jsonPath());
        String second = upstreamTraceparent(given().get("/api/catalog/products").then().statusCode(200).extract().jsonPath());
        assertNotEquals(traceId(first), traceId(second), "one trace per request");
    }

    @Test
    void a_clients_traceparent_is_continued_with_a_span_of_the_gateways_own() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpan = "00f067aa0ba902b7";
        JsonPath echo = given().header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        String upstream = upstreamTraceparent(echo);
        assertEquals(traceId, traceId(upstream));
        assertNotEquals(clientSpan, spanId(upstream), "the service's parent is the gateway's span, not the client's");
        // no OTLP endpoint in the tests: the shared tracing module's ExportGatedSampler records nothing, and a
        // client's "sampled" flag cannot switch recording on
        assertTrue(upstream.endsWith("-00"), "not sampled without an OTLP endpoint: " + upstream);
    }

    @Test
    void a_malformed_traceparent_starts_a_new_trace() {
        JsonPath echo = given().header("traceparent", "not-a-trace").get("/api/customers").then().statusCode(200)
                .extract().jsonPath();
        upstreamTraceparent(echo);
    }

    /** Exactly one well-formed traceparent reached the stand-in service. */
    private static String upstreamTraceparent(JsonPath echo) {
        String value = echo.getString("headers.traceparent");
        assertTrue(value != null && TRACEPARENT.matcher(value).matches(), "one traceparent upstream: " + value);
        return value;
    }

    private static String traceId(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent);
        assertTrue(m.matches());
        return m.group(1);
    }

    private static String spanId(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent);
        assertTrue(m.matches());
        return m.group(2);
    }
}
