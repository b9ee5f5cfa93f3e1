package shop.customers.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.devstack.infra.PostgresAdmin;
import shop.devstack.infra.Ports;
import shop.devstack.testing.PostgresResource;

/** The JDBC source on its own (no application): driver choice, query timeout and retry counting. */
class LegacyJdbcSourceTest {

    private record Config(Optional<String> jdbcUrl, Optional<String> username, Optional<String> password, String query,
                          Duration queryTimeout, int retries, Duration retryDelay, int maxCsvBytes)
            implements LegacyImportConfig {
        static Config of(String url, String user, String password, String query, Duration timeout) {
            return new Config(Optional.of(url), Optional.ofNullable(user), Optional.ofNullable(password), query,
                    timeout, 1, Duration.ofMillis(10), 1000);
        }
    }

    private static final class RecordedAttempts implements LegacyJdbcSource.Attempts {
        final List<String> failures = new ArrayList<>();
        int started;

        @Override
        public void failed(int attempt, String error) {
            failures.add(attempt + ": " + error);
        }

        @Override
        public void started(int attempt) {
            started = attempt;
        }
    }

    private static LegacyJdbcSource source(Config config) {
        LegacyJdbcSource source = new LegacyJdbcSource();
        source.config = config;
        return source;
    }

    @Test
    void aSqlServerUrlIsServedByTheSqlServerDriver() {
        int closedPort = Ports.free();
        RecordedAttempts attempts = new RecordedAttempts();
        LegacyJdbcSource source = source(Config.of(
                "jdbc:sqlserver://127.0.0.1:" + closedPort + ";databaseName=vAptekeSync;encrypt=false",
                "vaptekesync_user", "secret", "SELECT 1 AS phone", Duration.ofSeconds(2)));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> source.read(attempts));
        assertEquals(2, attempts.started);
        assertEquals(2, attempts.failures.size());
        // the SQL Server driver's own words: it was found and tried to reach the server
        assertTrue(failure.getMessage().contains("TCP/IP connection to the host 127.0.0.1, port " + closedPort),
                failure.getMessage());
    }

    @Test
    void aQueryRunningLongerThanTheTimeoutIsCancelledAndRetried() {
        PostgresResource.admin().createDatabaseAndUser("legacy_slow", "legacy_slow", "slow");
        RecordedAttempts attempts = new RecordedAttempts();
        LegacyJdbcSource source = source(Config.of(PostgresAdmin.jdbcUrl(PostgresResource.port(), "legacy_slow"),
                "legacy_slow", "slow", "SELECT '+79160000000' AS phone FROM pg_sleep(30)", Duration.ofSeconds(1)));
        long started = System.nanoTime();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> source.read(attempts));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(25)) < 0,
                "two attempts of one second each, not the query's thirty");
        assertTrue(failure.getMessage().startsWith("the legacy database could not be read after 2 attempts: "),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("57014"), failure.getMessage()); // query_canceled
    }

    @Test
    void theRowsAreReadByTheirColumnLabels() throws Exception {
        PostgresResource.admin().createDatabaseAndUser("legacy_labels", "legacy_labels", "labels");
        LegacyJdbcSource source = source(Config.of(PostgresAdmin.jdbcUrl(PostgresResource.port(), "legacy_labels"),
                "legacy_labels", "labels",
                "SELECT 7 AS legacy_id, ' 8 916 000-00-01 ' AS phone, DATE '1990-01-02' AS birthday,"
                        + " TIMESTAMPTZ '2024-05-01 12:00:00+03' AS updated_at", Duration.ofSeconds(5)));
        List<LegacyRecord> records = source.read(new RecordedAttempts());
        assertEquals(List.of(new LegacyRecord(1, "7", "8 916 000-00-01", null, null, null, "1990-01-02", null,
                "2024-05-01T09:00:00Z", null)), records);
    }
}
