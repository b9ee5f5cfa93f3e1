package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import shop.catalog.browse.SqlStatementCounter;
import shop.catalog.cache.PeerCatalogChanges;

/**
 * Several catalog instances: a kept product card dies when another instance commits a change. "Another
 * instance" is played by a plain JDBC connection, which writes past this instance's Hibernate (so only the
 * notification can tell it) and notifies as {@link PeerCatalogChanges} does.
 */
@QuarkusTest
class PeerCatalogChangesTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aKeptCardDiesWhenAnotherInstanceCommitsAChange() throws SQLException {
        String card = "/api/catalog/products/" + StockFixtures.stocked(3).productId();
        String before = keptName(card);

        String renamed = "Renamed elsewhere " + UUID.randomUUID();
        try (Connection otherInstance = connect()) {
            otherInstance.setAutoCommit(false);
            rename(otherInstance, card, renamed);
            otherInstance.commit();
            // without a notification this instance cannot know: the kept card is still served (no SQL)
            assertEquals(before, name(card));
            assertEquals("0", given().when().get(card).then().extract().header(SqlStatementCounter.HEADER));

            // the other instance's next commit notifies, as PeerCatalogChanges does after each one
            try (PreparedStatement notify = otherInstance.prepareStatement("select pg_notify(?, 'another-instance')")) {
                notify.setString(1, PeerCatalogChanges.CHANNEL);
                notify.execute();
            }
            otherInstance.commit();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> name(card).equals(renamed));
    }

    @Test
    void whileItCannotHearTheOthersNothingIsKeptAndNothingOldIsServedAfter() throws SQLException {
        String card = "/api/catalog/products/" + StockFixtures.stocked(3).productId();
        keptName(card);

        String renamed = "Renamed while deaf " + UUID.randomUUID();
        try (Connection otherInstance = connect()) {
            // the database drops the listening connection (a restart, a network cut): notifications sent
            // until it listens again are lost, so a change made meanwhile is never announced to it
            try (PreparedStatement cut = otherInstance.prepareStatement("""
                    select pg_terminate_backend(pid) from pg_stat_activity
                    where application_name = 'catalog-service changes listener' and datname = current_database()""")) {
                cut.execute();
            }
            rename(otherInstance, card, renamed); // autocommit, and no notification
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> name(card).equals(renamed));
        // and once it listens again, answers are kept again
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                "0".equals(given().when().get(card).then().statusCode(200).extract().header(SqlStatementCounter.HEADER)));
    }

    /** The card's name, once it is kept (a read that ran no SQL). */
    private static String keptName(String card) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                "0".equals(given().when().get(card).then().statusCode(200).extract().header(SqlStatementCounter.HEADER)));
        return name(card);
    }

    private static String name(String card) {
        return given().when().get(card).then().statusCode(200).extract().path("name");
    }

    private static void rename(Connection connection, String card, String name) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update product set name = ? where id = ?")) {
            update.setString(1, name);
            update.setLong(2, Long.parseLong(card.substring(card.lastIndexOf('/') + 1)));
            assertEquals(1, update.executeUpdate());
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
