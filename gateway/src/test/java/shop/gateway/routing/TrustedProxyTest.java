package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

/** Behind a trusted proxy the client address the services get is the one that proxy saw. */
@QuarkusTest
@TestProfile(TrustedProxyTest.TrustedProxyProfile.class)
class TrustedProxyTest {

    public static class TrustedProxyProfile extends GatewayProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("shop.gateway.trust-forwarded-for", "true");
            // upstream timeouts are not what this tests (GatewayProfile's 1 s is for UpstreamTimeoutTest)
            overrides.put("shop.gateway.proxy.timeout", "30S");
            return overrides;
        }
    }

    @Test
    void the_client_address_is_the_right_most_forwarded_for_entry_and_a_client_sent_one_is_replaced() {
        JsonPath echo = given().header("X-Forwarded-For", "203.0.113.5, 198.51.100.7")
                .header("X-Client-Address", "203.0.113.66")
                .get("/api/customers").then().statusCode(200).extract().jsonPath();
        assertEquals("198.51.100.7", echo.getString("headers.'x-client-address'"));
        assertEquals("203.0.113.5, 198.51.100.7, 127.0.0.1", echo.getString("headers.'x-forwarded-for'"));
    }

    @Test
    void without_a_forwarded_for_the_peer_is_the_client() {
        JsonPath echo = given().header("X-Client-Address", "203.0.113.66")
                .get("/api/customers").then().statusCode(200).extract().jsonPath();
        assertEquals("127.0.0.1", echo.getString("headers.'x-client-address'"));
    }
}
