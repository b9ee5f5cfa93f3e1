package shop.catalog.pricelist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.catalog.supplier.Suppliers;

/**
 * Price-list import speed (not a test: surefire runs it only when named, see bench/price-list-import.sh).
 * Uploads a generated list through the real endpoint against the real embedded PostgreSQL and Kafka and
 * prints offers per second for a first import (every offer created), the same list again (every offer
 * unchanged) and a list with every price changed (every offer updated, every variant republished), with
 * where the time went (before the 202: parsing and checking; the job itself) and how many SQL statements
 * Hibernate prepared meanwhile (hibernate_statements_total on /q/metrics; statements the importer runs on
 * the JDBC connection itself, its bulk inserts, are not in that count).
 */
@QuarkusTest
class PriceListImportBench {
    static final int OFFERS = Integer.getInteger("bench.offers", 5000);

    static String list(String category, int priceShift) {
        StringBuilder yaml = new StringBuilder("shop: Bench\ncategories:\n  - id: 1\n    name: ")
                .append(category).append("\ngoods:\n");
        for (int i = 0; i < OFFERS; i++) {
            yaml.append("  - id: ").append(100000 + i)
                    .append("\n    category: 1\n    model: bench/model-").append(i % 50)
                    .append("\n    name: Bench product ").append(i)
                    .append("\n    price: ").append(1000 + i + priceShift).append(".90")
                    .append("\n    price_rrc: ").append(1200 + i + priceShift)
                    .append("\n    quantity: ").append(i % 30)
                    .append("\n    parameters:\n      \"Цвет\": чёрный\n      \"Вес (г)\": ").append(100 + i % 400)
                    .append("\n      \"Размер\": ").append(i % 7).append("x").append(i % 11).append('\n');
        }
        return yaml.toString();
    }

    private static final Pattern PREPARED = Pattern.compile(
            "(?m)^hibernate_statements_total\\{[^}]*status=\"prepared\"[^}]*}\\s+([0-9.eE+]+)");

    static double preparedStatements() {
        // metrics live on the management interface: test.management.url is its address (root /q) in @QuarkusTest
        String metrics = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("test.management.url", String.class)
                + "/metrics";
        Matcher m = PREPARED.matcher(given().get(metrics).asString());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Uploads and waits for the job (or the synchronous answer); answers the seconds it took. */
    static double timed(int supplierId, String yaml) {
        String token = Suppliers.supplierUser(supplierId);
        double statementsBefore = preparedStatements();
        long start = System.nanoTime();
        Response response = given().auth().oauth2(token).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists");
        if (response.statusCode() == 202) {
            String location = response.header("Location");
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !java.util.Set.of("queued", "running").contains(given().auth().oauth2(token).get(location).then().extract().path("status")));
            response = given().auth().oauth2(token).get(location);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double statements = preparedStatements() - statementsBefore;
        System.out.printf("BENCH %s -> %s%n", response.statusCode(), response.asString());
        String startedAt = response.path("startedAt");
        String finishedAt = response.path("finishedAt");
        if (startedAt != null && finishedAt != null) {
            System.out.printf("BENCH   the job itself %.1f s; Hibernate statements %.0f (%.2f per offer)%n",
                    Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt)).toMillis() / 1000.0,
                    statements, statements / OFFERS);
        }
        return seconds;
    }

    @Test
    void importSpeed() {
        String category = Suppliers.unique("Bench");
        Suppliers.category(category);
        int supplierId = Suppliers.supplier();
        String first = list(category, 0);
        String changed = list(category, 1);
        System.out.printf("BENCH list of %d offers, %d KiB%n", OFFERS, first.getBytes(StandardCharsets.UTF_8).length / 1024);
        double created = timed(supplierId, first);
        double unchanged = timed(supplierId, first);
        double updated = timed(supplierId, changed);
        System.out.printf("BENCH created:   %.1f s, %.0f offers/s%n", created, OFFERS / created);
        System.out.printf("BENCH unchanged: %.1f s, %.0f offers/s%n", unchanged, OFFERS / unchanged);
        System.out.printf("BENCH updated:   %.1f s, %.0f offers/s%n", updated, OFFERS / updated);
    }
}
