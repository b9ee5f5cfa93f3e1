package shop.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.WebSessionProfile;

/**
 * The staff console's pages as the gateway serves them: with the strict CSP, no inline
 * script, event handler or style, and modules that never write HTML from strings.
 */
@QuarkusTest
@TestProfile(WebSessionProfile.class)
class ConsolePagesTest {
    private static final List<String> PAGES = List.of("/admin/index.html", "/admin/catalog/categories.html",
            "/admin/catalog/dictionaries.html", "/admin/catalog/products.html", "/admin/catalog/product.html",
            "/admin/catalog/stock.html", "/admin/catalog/imports.html", "/admin/catalog/factories.html",
            // orders, customers, staff users (console-orders)
            "/admin/orders/index.html", "/admin/orders/order.html", "/admin/orders/refunds.html",
            "/admin/customers/index.html", "/admin/customers/customer.html", "/admin/customers/imports.html",
            "/admin/users/index.html");
    private static final Pattern MODULE = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"></script>");
    private static final Pattern IMPORT = Pattern.compile("from '([^']+)'");

    @Test
    void the_console_home_is_served_at_admin() {
        given().get("/admin/").then().statusCode(200)
                .header("Content-Security-Policy", equalTo(PageHeaders.CONTENT_SECURITY_POLICY))
                .body(containsString("Staff sign-in"));
    }

    @Test
    void every_console_page_has_the_csp_and_no_inline_script_handler_or_style() {
        for (String page : PAGES) {
            String html = given().get(page).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", equalTo(PageHeaders.CONTENT_SECURITY_POLICY))
                    .header("Cache-Control", "no-cache")
                    .extract().asString();
            assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page + ": inline script");
            assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), page + ": inline event handler");
            assertFalse(html.contains("style="), page + ": inline style");
            assertTrue(html.contains("<label") || !html.contains("<input"), page + ": inputs have labels");
            Matcher module = MODULE.matcher(html);
            assertTrue(module.find(), page + ": one module script");
            moduleIsSafe(module.group(1), page);
        }
    }

    /** The module and the console modules it imports: served as JavaScript, never HTML from strings. */
    private static void moduleIsSafe(String path, String page) {
        String js = given().get(path).then().statusCode(200).contentType(containsString("javascript"))
                .extract().asString();
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function")) {
            assertFalse(js.contains(sink), path + " (from " + page + ") uses " + sink);
        }
        Matcher imports = IMPORT.matcher(js);
        while (imports.find()) {
            String imported = imports.group(1);
            String absolute = imported.startsWith("./") ? path.substring(0, path.lastIndexOf('/')) + imported.substring(1) : imported;
            if (absolute.startsWith("/admin/") || absolute.endsWith("/admin-nav.js")) {
                moduleIsSafe(absolute, page);
            } else {
                given().get(absolute).then().statusCode(200);
            }
        }
    }
}
