package shop.analytics.geo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static shop.analytics.AnalyticsClient.admin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.analytics.AnalyticsClient;

/** The IP-range country table: IPv4 and IPv6, replaced whole or not at all, and who may load it. */
@QuarkusTest
class IpRangeImportTest {
    static final String TABLE = """
            ip_range_start,ip_range_end,country
            10.0.0.0,10.0.0.255,Gondor
            10.0.1.0,10.0.1.255,Rohan
            2001:db8:aaaa::,2001:db8:aaaa:ffff:ffff:ffff:ffff:ffff,Gondor
            2001:db8:bbbb::1,2001:db8:bbbb::ff,Mordor
            """;

    static String country(String ip) {
        return admin().queryParam("ip", ip).when().get("/api/analytics/ip-ranges/lookup")
                .then().statusCode(200).extract().path("country");
    }

    @Test
    void ipv4AndIpv6AddressesFindTheirCountry() {
        admin().contentType("text/csv").body(TABLE).when().post("/api/analytics/ip-ranges")
                .then().statusCode(200).body("ranges", equalTo(4)).body("ipv4Ranges", equalTo(2))
                .body("ipv6Ranges", equalTo(2));
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertEquals("Gondor", country("10.0.0.0")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("Gondor", country("10.0.0.255")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("Rohan", country("10.0.1.7")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("unknown", country("10.0.2.1")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("unknown", country("9.255.255.255")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("Gondor", country("2001:db8:aaaa::1")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("Gondor", country("2001:DB8:AAAA:ffff::9")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("Mordor", country("2001:db8:bbbb::80")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("unknown", country("2001:db8:bbbb::100")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("unknown", country("2001:db8:bbbb::")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("unknown", country("::1")));
        admin().queryParam("ip", "not-an-address").when().get("/api/analytics/ip-ranges/lookup")
                .then().statusCode(400);
    }

    @Test
    void aBadFileIsRefusedWithItsLineNumbersAndChangesNothing() {
        AnalyticsClient.loadIpRanges(TABLE);
        admin().contentType("text/csv").body("""
                ip_range_start,ip_range_end,country
                10.0.0.0,10.0.0.255,Gondor
                10.0.0.300,10.0.0.400,Nowhere
                10.0.9.9,10.0.9.1,Backwards
                10.0.5.0,2001:db8::1,Mixed
                10.0.6.0,10.0.6.9
                """).when().post("/api/analytics/ip-ranges")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 3")).body("errors.field", hasItem("line 4"))
                .body("errors.field", hasItem("line 5")).body("errors.field", hasItem("line 6"));
        admin().contentType("text/csv").body("""
                10.0.0.0,10.0.0.255,Gondor
                10.0.0.128,10.0.1.10,Overlap
                """).when().post("/api/analytics/ip-ranges")
                .then().statusCode(400).body("errors[0].field", equalTo("line 2"))
                .body("errors[0].message", containsString("overlaps the range on line 1"));
        admin().contentType("text/csv").body("ip_range_start,ip_range_end,country\n")
                .when().post("/api/analytics/ip-ranges").then().statusCode(400);
        // the good table is still in place
        org.junit.jupiter.api.Assertions.assertEquals("Rohan", country("10.0.1.7"));
        admin().when().get("/api/analytics/ip-ranges").then().statusCode(200).body("ranges", equalTo(4));
    }

    @Test
    void aQuotedCountryMayHoldCommasAndQuotesAndAnUnclosedQuoteIsRefused() {
        // a byte-order mark, as spreadsheets write it; UTF-8 named, or REST Assured sends text as ISO-8859-1
        admin().contentType("text/csv; charset=UTF-8").body("""
                \uFEFFip_range_start,ip_range_end,country
                10.0.0.0,10.0.0.255,"Korea, Republic of"
                "10.0.1.0",10.0.1.255,"Côte d'Ivoire ""CI\"""
                """).when().post("/api/analytics/ip-ranges").then().statusCode(200).body("ranges", equalTo(2));
        org.junit.jupiter.api.Assertions.assertEquals("Korea, Republic of", country("10.0.0.9"));
        org.junit.jupiter.api.Assertions.assertEquals("Côte d'Ivoire \"CI\"", country("10.0.1.9"));

        admin().contentType("text/csv").body("""
                10.0.2.0,10.0.2.255,Gondor
                10.0.3.0,10.0.3.255,"Rohan
                10.0.4.0,10.0.4.255,Arnor
                """).when().post("/api/analytics/ip-ranges")
                .then().statusCode(400).body("errors.field", hasItem("line 2"))
                .body("errors.message", hasItem("a quoted field is not closed"));
        org.junit.jupiter.api.Assertions.assertEquals("unknown", country("10.0.2.9"));
    }

    @Test
    void replacingTheTableMovesRecordedRequestsToTheirNewCountry() {
        AnalyticsClient.loadIpRanges(TABLE);
        byte[] log = """
                shop_api      | 2032-05-01 10:00:00 [IPR1] INFO: 10.0.1.7 https://all_to_the_bottom.com/
                shop_api      | 2032-05-01 10:05:00 [IPR2] INFO: 2001:db8:bbbb::80 https://all_to_the_bottom.com/caviar/
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AnalyticsClient.importLog(log);
        Map<String, String> may = Map.of("from", "2032-05-01", "to", "2032-05-01");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("Mordor", "Rohan"),
                AnalyticsClient.report("visits-by-country", may).getList("items.country"));

        AnalyticsClient.loadIpRanges("10.0.0.0,10.0.255.255,Arnor\n");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("Arnor", "unknown"),
                AnalyticsClient.report("visits-by-country", may).getList("items.country"));
    }

    @Test
    void onlyStaffLoadOrReadTheTable() {
        given().contentType("text/csv").body(TABLE).when().post("/api/analytics/ip-ranges").then().statusCode(401);
        given().auth().oauth2(AnalyticsClient.CUSTOMER).contentType("text/csv").body(TABLE)
                .when().post("/api/analytics/ip-ranges").then().statusCode(403);
        given().auth().oauth2(AnalyticsClient.CUSTOMER).queryParam("ip", "10.0.0.1")
                .when().get("/api/analytics/ip-ranges/lookup").then().statusCode(403);
        given().auth().oauth2(AnalyticsClient.MANAGER).contentType("text/csv").body(TABLE)
                .when().post("/api/analytics/ip-ranges").then().statusCode(200);
    }
}
