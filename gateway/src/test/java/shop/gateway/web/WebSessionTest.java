package shop.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;
import shop.gateway.testing.Problems;
import shop.gateway.testing.WebSessionProfile;

@QuarkusTest
@TestProfile(WebSessionProfile.class)
class WebSessionTest {

    private static RequestSpecification web() {
        return given().header("X-Shop-Web", "1");
    }

    private static Response signIn(String login) {
        return web().contentType("application/json")
                .body("{\"login\":\"" + login + "\",\"password\":\"secret\"}")
                .post("/web/session");
    }

    private static String setCookie(Response response, String name) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void sign_in_sets_http_only_cookies_and_answers_claims_without_tokens() {
        Response response = signIn("shopper");
        response.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("name", equalTo("shopper"))
                .body("roles", hasItem("customer"))
                .body("subject", not(nullValue()))
                .body("expiresAt", not(nullValue()))
                .body("accessToken", nullValue())
                .body("refreshToken", nullValue());
        String session = setCookie(response, "shop_session");
        String refresh = setCookie(response, "shop_refresh");
        assertNotNull(session);
        assertNotNull(refresh);
        assertTrue(session.contains("; Path=/;") && session.contains("HttpOnly") && session.contains("SameSite=Strict")
                && session.contains("Max-Age=900"), session);
        assertFalse(session.contains("Secure"), "plain http: " + session);
        assertTrue(refresh.contains("Path=/web/session") && refresh.contains("HttpOnly") && refresh.contains("SameSite=Strict"),
                refresh);
        String body = response.asString();
        assertFalse(body.contains(value(session)) || body.contains(value(refresh)), "no token in the body: " + body);
        assertTrue(shop.gateway.testing.AuthStandIn.CLIENT_ADDRESSES.contains("127.0.0.1"),
                "the client's address reaches customer-service");
    }

    @Test
    void cookies_are_secure_behind_https() {
        Response response = signIn("shopper").then().statusCode(200).extract().response();
        assertFalse(setCookie(response, "shop_session").contains("Secure"));
        Response https = web().header("X-Forwarded-Proto", "https").contentType("application/json")
                .body("{\"login\":\"shopper\",\"password\":\"secret\"}").post("/web/session");
        assertTrue(setCookie(https, "shop_session").contains("; Secure"));
        assertTrue(setCookie(https, "shop_refresh").contains("; Secure"));
    }

    @Test
    void the_session_is_described_by_get() {
        String session = value(setCookie(signIn("shopper"), "shop_session"));
        web().cookie("shop_session", session).get("/web/session")
                .then().statusCode(200).body("name", equalTo("shopper")).body("roles", hasItem("customer"));
        Problems.assertProblem(web().get("/web/session"), 401, "/web/session");
    }

    @Test
    void the_cookie_becomes_authorization_only_with_the_web_header_and_is_not_forwarded() {
        String session = value(setCookie(signIn("shopper"), "shop_session"));

        JsonPath withHeader = web().cookie("shop_session", session).cookie("other", "x")
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertEquals("Bearer " + session, withHeader.getString("headers.authorization"));
        assertEquals(null, withHeader.getString("headers.cookie"), "the Cookie header stays at the gateway");

        JsonPath without = given().cookie("shop_session", session)
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertEquals(null, without.getString("headers.authorization"), "no X-Shop-Web: the cookie means nothing");
        assertEquals(null, without.getString("headers.cookie"));

        JsonPath own = web().cookie("shop_session", session).header("Authorization", "Bearer own.token.here")
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertEquals("Bearer own.token.here", own.getString("headers.authorization"), "a request's own Authorization wins");

        JsonPath other = given().header("X-Shop-Web", "yes").cookie("shop_session", session)
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertEquals(null, other.getString("headers.authorization"));
    }

    @Test
    void a_tampered_or_foreign_cookie_is_refused() {
        String session = value(setCookie(signIn("shopper"), "shop_session"));
        String[] parts = session.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xy." + parts[2];
        Response refused = web().cookie("shop_session", tampered).get("/web/session");
        Problems.assertProblem(refused, 401, "/web/session");
        assertTrue(setCookie(refused, "shop_session").contains("Max-Age=0"), "the bad cookie is cleared");

        Problems.assertProblem(web().cookie("shop_session", TestTokens.issueWithForeignKey("1", "admin"))
                .get("/web/session"), 401, "/web/session");
        Problems.assertProblem(web().cookie("shop_session", TestTokens.unsignedAlgNone("1", "admin"))
                .get("/web/session"), 401, "/web/session");
        Problems.assertProblem(web().cookie("shop_session", TestTokens.issueWithIssuer("elsewhere", "1", "admin"))
                .get("/web/session"), 401, "/web/session");
    }

    @Test
    void an_expired_session_is_refreshed_with_the_refresh_cookie_once() {
        Response signedIn = signIn("expired").then().statusCode(200).extract().response();
        String expired = value(setCookie(signedIn, "shop_session"));
        String refresh = value(setCookie(signedIn, "shop_refresh"));

        Response refreshed = web().cookie("shop_session", expired).cookie("shop_refresh", refresh).get("/web/session");
        refreshed.then().statusCode(200).body("name", equalTo("expired"));
        String newSession = value(setCookie(refreshed, "shop_session"));
        String newRefresh = value(setCookie(refreshed, "shop_refresh"));
        assertNotEquals(expired, newSession);
        assertNotEquals(refresh, newRefresh);
        web().cookie("shop_session", newSession).get("/web/session").then().statusCode(200);

        // without the access cookie (the browser dropped it at Max-Age) the refresh cookie alone does it
        web().cookie("shop_refresh", newRefresh).get("/web/session").then().statusCode(200);

        // a refresh token works once: the old one ends the session and clears both cookies
        Response used = web().cookie("shop_refresh", refresh).get("/web/session");
        Problems.assertProblem(used, 401, "/web/session");
        assertTrue(setCookie(used, "shop_session").contains("Max-Age=0"));
        assertTrue(setCookie(used, "shop_refresh").contains("Max-Age=0"));
    }

    @Test
    void sign_out_ends_the_refresh_token_and_clears_both_cookies() {
        Response signedIn = signIn("shopper");
        String refresh = value(setCookie(signedIn, "shop_refresh"));
        Response out = web().cookie("shop_refresh", refresh).delete("/web/session");
        out.then().statusCode(204);
        assertTrue(setCookie(out, "shop_session").contains("Max-Age=0"));
        assertTrue(setCookie(out, "shop_refresh").contains("Max-Age=0") && setCookie(out, "shop_refresh").contains("Path=/web/session"));
        Problems.assertProblem(web().cookie("shop_refresh", refresh).get("/web/session"), 401, "/web/session");
        // signed out already: still 204
        web().delete("/web/session").then().statusCode(204);
    }

    @Test
    void sign_in_refusals_and_bad_input_are_problem_details() {
        Response wrong = web().contentType("application/json").body("{\"login\":\"shopper\",\"password\":\"nope\"}")
                .post("/web/session");
        wrong.then().statusCode(401).contentType(containsString("application/problem+json"))
                .body("instance", equalTo("/web/session")).body("detail", equalTo("Wrong login or password"));
        assertEquals(List.of(), wrong.headers().getValues("Set-Cookie"));

        Problems.assertProblem(web().contentType("application/json").body("[1,2]").post("/web/session"), 400, "/web/session");
        Problems.assertProblem(web().contentType("application/json").body("{nope").post("/web/session"), 400, "/web/session");
        Problems.assertProblem(web().contentType("text/plain").body("login=a").post("/web/session"), 415, "/web/session");
        Problems.assertProblem(web().contentType("application/json").body("{\"password\":\"" + "x".repeat(9000) + "\"}")
                .post("/web/session"), 413, "/web/session");
        Problems.assertProblem(given().contentType("application/json")
                .body("{\"login\":\"shopper\",\"password\":\"secret\"}").post("/web/session"), 400, "/web/session");
        Problems.assertProblem(web().put("/web/session"), 405, "/web/session");
    }

    @Test
    void pages_get_the_security_headers_and_the_api_does_not() {
        given().get("/web/session").then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/api/orders").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    @Test
    void another_origin_may_not_send_the_web_header() {
        // the test profile allows any origin (as dev and devstack do); X-Shop-Web is still not allowed
        Response preflight = given().header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-shop-web")
                .options("/api/orders");
        String allowed = String.valueOf(preflight.header("Access-Control-Allow-Headers")).toLowerCase();
        assertFalse(allowed.contains("x-shop-web"), "allowed headers: " + allowed);
        Response sessionPreflight = given().header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-shop-web,content-type")
                .options("/web/session");
        assertFalse(String.valueOf(sessionPreflight.header("Access-Control-Allow-Headers")).toLowerCase().contains("x-shop-web"));
    }
}
