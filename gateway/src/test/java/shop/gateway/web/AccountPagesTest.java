package shop.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.WebSessionProfile;

/**
 * The customer account pages (/account/*.html) as the gateway serves them: the page headers, no inline
 * script, style or handlers, a label for every field, and every module they load (and those modules
 * import) is there. What the pages do is tested in Chromium (system-tests, AccountBrowserSystemTest).
 */
@QuarkusTest
@TestProfile(WebSessionProfile.class)
class AccountPagesTest {
    static final List<String> PAGES = List.of("index", "register", "confirm", "sign-in", "forgot-password",
            "reset-password", "profile", "addresses", "favorites", "orders", "order");
    private static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"></script>");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import [^;]* from '([^']+)';");
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    @Test
    void every_page_is_served_with_the_page_headers_and_no_inline_code() {
        for (String page : PAGES) {
            String html = given().get("/account/" + page + ".html").then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", PageHeaders.CONTENT_SECURITY_POLICY)
                    .header("Cache-Control", "no-cache")
                    .extract().asString();
            assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page + ": inline script");
            assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), page + ": inline event handler");
            assertFalse(html.contains("style="), page + ": inline style");
            assertTrue(html.contains("<main id=\"main\"") && html.contains("<header id=\"site-header\">"), page + ": the layout's frame");
            assertTrue(html.contains("id=\"status\"") && html.contains("aria-live=\"polite\""), page + ": a status region");
        }
    }

    @Test
    void every_field_has_a_label() {
        for (String page : PAGES) {
            String html = given().get("/account/" + page + ".html").then().statusCode(200).extract().asString();
            Matcher field = FIELD.matcher(html);
            while (field.find()) {
                String attributes = field.group(2);
                if (attributes.contains("type=\"hidden\"")) {
                    continue;
                }
                Matcher id = ID.matcher(attributes);
                assertTrue(id.find(), page + ": a field without id: " + field.group());
                assertTrue(html.contains("<label for=\"" + id.group(1) + "\">"), page + ": no label for " + id.group(1));
            }
        }
    }

    @Test
    void every_module_the_pages_load_is_there_with_its_imports() {
        Deque<String> modules = new ArrayDeque<>();
        for (String page : PAGES) {
            Matcher script = SCRIPT.matcher(given().get("/account/" + page + ".html").then().extract().asString());
            assertTrue(script.find(), page + ": its module");
            modules.add(script.group(1));
        }
        Set<String> seen = new HashSet<>();
        while (!modules.isEmpty()) {
            String module = modules.pop();
            if (!seen.add(module)) {
                continue;
            }
            assertTrue(module.startsWith("/assets/js/") || module.startsWith("/account/js/"), module);
            String source = given().get(module).then().statusCode(200).contentType(containsString("javascript"))
                    .extract().asString();
            Matcher imported = IMPORT.matcher(source);
            while (imported.find()) {
                String path = imported.group(1);
                modules.add(path.startsWith("./") ? module.substring(0, module.lastIndexOf('/')) + path.substring(1) : path);
            }
        }
        assertTrue(seen.contains("/assets/js/session.js") && seen.contains("/account/js/account.js"), seen.toString());
    }

    @Test
    void the_favorites_module_for_other_pages_is_served() {
        String source = given().get("/account/js/favorites-api.js").then().statusCode(200).extract().asString();
        for (String export : new String[] {"addFavorite", "removeFavorites", "isFavorite", "listFavorites"}) {
            assertTrue(source.contains("export async function " + export + "("), export);
        }
        assertEquals(404, given().get("/account/no-such-page.html").then().extract().statusCode());
    }
}
