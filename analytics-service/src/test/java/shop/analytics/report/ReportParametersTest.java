package shop.analytics.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.analytics.AnalyticsClient.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.analytics.AnalyticsClient;

/** Parameters, empty answers, CSV, roles, and facts recorded live through {@link AnalyticsFacts}. */
@QuarkusTest
class ReportParametersTest {
    static final List<String> NAMES = List.of("visits-by-country", "category-interest", "category-time-of-day",
            "busiest-hours", "bought-together", "unpaid-carts", "repeat-customers");

    @Inject
    AnalyticsFacts facts;

    @Test
    void withoutDataEveryReportIsEmptyNotAnError() {
        Map<String, String> empty = Map.of("from", "1999-01-01", "to", "1999-01-02");
        for (String name : NAMES) {
            admin().queryParams(empty).when().get("/api/analytics/reports/" + name).then().statusCode(200);
        }
        assertEquals(List.of(), AnalyticsClient.report("visits-by-country", empty).getList("items"));
        admin().queryParams(empty).when().get("/api/analytics/reports/busiest-hours")
                .then().body("busiest", nullValue()).body("items.size()", equalTo(0));
        admin().queryParams(empty).when().get("/api/analytics/reports/category-time-of-day")
                .then().body("busiest", nullValue()).body("hours.size()", equalTo(24)).body("views", equalTo(0));
        admin().queryParams(empty).when().get("/api/analytics/reports/unpaid-carts").then().body("unpaidCarts", equalTo(0));
        admin().queryParams(empty).when().get("/api/analytics/reports/repeat-customers").then().body("customers", equalTo(0));
    }

    @Test
    void badParametersAre400() {
        for (Map<String, String> bad : List.of(Map.of("from", "yesterday"), Map.of("to", "2018-13-01"),
                Map.of("from", "2018-08-02", "to", "2018-08-01"), Map.of("source", "everything"),
                Map.of("limit", "0"), Map.of("limit", "many"), Map.of("format", "xml"),
                Map.of("category", "fresh fish; drop table"))) {
            admin().queryParams(bad).when().get("/api/analytics/reports/category-interest")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.notNullValue());
        }
        admin().when().get("/api/analytics/reports/8").then().statusCode(404);
    }

    /** The last day of the calendar as {@code to} means "no end"; a time beyond it is a clear 400, never a 500. */
    @Test
    void theFarEndsOfTheCalendarAreBoundsOr400() {
        for (String name : List.of("visits-by-country", "busiest-hours", "unpaid-carts", "sales/daily",
                "sales/conversion")) {
            admin().queryParams(Map.of("from", "9999-12-30", "to", "9999-12-31")).when()
                    .get("/api/analytics/reports/" + name).then().statusCode(200);
            admin().queryParams(Map.of("from", "0001-01-01", "to", "0001-01-01")).when()
                    .get("/api/analytics/reports/" + name).then().statusCode(200);
            for (Map<String, String> bad : List.of(Map.of("to", "+10000-01-02T00:00:00Z"),
                    Map.of("from", "+10000-01-01T00:00:00Z"), Map.of("from", "-0001-01-01T00:00:00Z"))) {
                admin().queryParams(bad).when().get("/api/analytics/reports/" + name)
                        .then().statusCode(400).contentType("application/problem+json");
            }
        }
        assertEquals(0, AnalyticsClient.report("visits-by-country", Map.of("from", "9999-12-31", "to", "9999-12-31"))
                .getLong("requests"));
    }

    @Test
    void reportsAreForStaffOnly() {
        given().when().get("/api/analytics/reports/visits-by-country").then().statusCode(401);
        given().auth().oauth2(AnalyticsClient.CUSTOMER).when().get("/api/analytics/reports/visits-by-country")
                .then().statusCode(403);
        given().auth().oauth2("not.a.token").when().get("/api/analytics/reports/1").then().statusCode(401);
        given().auth().oauth2(AnalyticsClient.MANAGER).when().get("/api/analytics/reports/1").then().statusCode(200);
        given().auth().oauth2(AnalyticsClient.MANAGER).when().get("/api/analytics/reports")
                .then().statusCode(200).body("name", equalTo(NAMES));
    }

    @Test
    void liveFactsFeedTheSameReportsAndTheSourceParameterSeparatesThem() {
        Instant at = Instant.parse("2033-02-03T04:05:06Z");
        QuarkusTransaction.requiringNew().run(() -> {
            facts.recordView(Source.LIVE, "live-1", at, "2001:db8::1", "caviar", null);
            facts.recordView(Source.LIVE, "live-2", at.plusSeconds(60), "192.0.2.44", "caviar", "red_caviar");
            facts.recordView(Source.LIVE, "live-2", at.plusSeconds(60), "192.0.2.44", "caviar", "red_caviar");
            facts.recordCartItem(Source.LIVE,
                    new AnalyticsFacts.CartItemFact("item-1", "order-1", "variant-9", "caviar", 1, at));
            facts.recordCartItem(Source.LIVE,
                    new AnalyticsFacts.CartItemFact("item-2", "order-1", "variant-7", "canned_food", 2, at));
            facts.recordPayment(Source.LIVE, new AnalyticsFacts.PaymentFact("order-1", "c-5", true, at.plusSeconds(90)));
        });
        QuarkusTransaction.requiringNew().run(() -> facts.recordRequest(Source.LIVE,
                new AnalyticsFacts.RequestFact("live-3", at.plusSeconds(120), null, AnalyticsFacts.OTHER, null, null)));
        Map<String, String> day = Map.of("from", "2033-02-03", "to", "2033-02-03", "source", "live",
                "category", "caviar");
        assertEquals(3, AnalyticsClient.report("visits-by-country", day).getLong("requests"));
        assertEquals(2, AnalyticsClient.report("category-interest", day).getLong("views"));
        assertEquals(2, AnalyticsClient.report("category-time-of-day", day).getLong("hours[4].views"));
        assertEquals("night", AnalyticsClient.report("category-time-of-day", day).getString("busiest"));
        assertEquals(List.of("canned_food"), AnalyticsClient.report("bought-together", day).getList("items.category"));
        Map<String, String> logsOnly = Map.of("from", "2033-02-03", "to", "2033-02-03", "source", "logs");
        assertEquals(0, AnalyticsClient.report("visits-by-country", logsOnly).getLong("requests"));
        Map<String, String> all = Map.of("from", "2033-02-03", "to", "2033-02-03", "source", "all");
        assertEquals(3, AnalyticsClient.report("visits-by-country", all).getLong("requests"));
    }

    @Test
    void everyReportExportsCsv() {
        Instant at = Instant.parse("2034-06-01T12:30:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            facts.recordView(Source.LIVE, "csv-1", at, null, "fresh_fish", null);
            facts.recordView(Source.LIVE, "csv-2", at, null, "fresh_fish", "tuna");
        });
        Map<String, String> day = Map.of("from", "2034-06-01", "to", "2034-06-01");
        assertEquals("country,requests\r\nunknown,2\r\n", admin().queryParams(day).accept("text/csv")
                .when().get("/api/analytics/reports/visits-by-country")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString());
        assertEquals("hour,requests\r\n2034-06-01T12:00:00Z,2\r\n", admin().queryParams(day).queryParam("format", "csv")
                .when().get("/api/analytics/reports/busiest-hours").then().statusCode(200).extract().asString());
        for (String name : NAMES) {
            String csv = admin().queryParams(day).queryParam("format", "csv").when().get("/api/analytics/reports/" + name)
                    .then().statusCode(200).contentType(containsString("text/csv"))
                    .header("Content-Disposition", containsString(name + ".csv")).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(csv.endsWith("\r\n"), name);
        }
        assertEquals("unpaid_carts\r\n0\r\n", admin().queryParams(day).accept("text/csv")
                .when().get("/api/analytics/reports/6").then().statusCode(200).extract().asString());
    }
}
