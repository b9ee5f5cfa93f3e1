package shop.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.WebSessionProfile;

/** The pages and modules the gateway serves itself (META-INF/resources), with their security headers. */
@QuarkusTest
@TestProfile(WebSessionProfile.class)
class PagesTest {

    @Test
    void the_storefront_is_served_with_a_strict_content_security_policy() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(PageHeaders.CONTENT_SECURITY_POLICY))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-cache")
                .body(containsString("<script type=\"module\" src=\"/assets/js/store/catalog.js\">"));
        given().get("/index.html").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void the_shared_modules_and_stylesheet_are_served_and_revalidated() {
        for (String path : new String[] {"/assets/js/api.js", "/assets/js/dom.js", "/assets/js/session.js", "/assets/js/layout.js"}) {
            given().get(path).then().statusCode(200)
                    .contentType(containsString("javascript"))
                    .header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", not(nullValue()))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().get("/assets/css/shop.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void no_page_has_inline_script_or_event_handlers() {
        String index = given().get("/").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(index.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "inline script");
        org.junit.jupiter.api.Assertions.assertFalse(index.matches("(?s).*\\son[a-z]+=.*"), "inline event handler");
        org.junit.jupiter.api.Assertions.assertFalse(index.contains("style="), "inline style");
    }

    @Test
    void an_unknown_page_is_a_problem_and_the_api_keeps_its_own_headers() {
        given().get("/no-such-page.html").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/api/catalog/products").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().get("/q/health").then().header("Content-Security-Policy", nullValue());
    }
}
