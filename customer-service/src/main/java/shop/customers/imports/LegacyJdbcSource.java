package shop.customers.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads the legacy records over plain JDBC, retrying a failed connection or query
 * {@code retries} times with {@code retry-delay} between attempts (seed 004's MSSQL_RETRIES_*).
 */
@ApplicationScoped
public class LegacyJdbcSource {
    private static final Logger LOG = Logger.getLogger(LegacyJdbcSource.class);

    /** Told about every attempt, so the job shows that it is retrying and why. */
    interface Attempts {
        void failed(int attempt, String error);

        void started(int attempt);
    }

    @Inject
    LegacyImportConfig config;

    boolean configured() {
        return config.jdbcUrl().filter(url -> !url.isBlank()).isPresent();
    }

    List<LegacyRecord> read(Attempts attempts) throws InterruptedException {
        int maxAttempts = config.retries() + 1;
        String lastError = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            attempts.started(attempt);
            try {
                return readOnce();
            } catch (SQLException e) {
                lastError = describe(e);
                LOG.warnf("legacy import: attempt %d of %d failed: %s", attempt, maxAttempts, lastError);
                attempts.failed(attempt, lastError);
                if (attempt < maxAttempts) {
                    Thread.sleep(config.retryDelay().toMillis());
                }
            }
        }
        throw new IllegalStateException("the legacy database could not be read after " + maxAttempts
                + " attempts: " + lastError);
    }

    private List<LegacyRecord> readOnce() throws SQLException {
        int timeoutSeconds = (int) Math.max(1, config.queryTimeout().toSeconds());
        try (Connection connection = connect(timeoutSeconds);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rows = statement.executeQuery(config.query())) {
                Set<String> labels = labels(rows.getMetaData());
                if (!labels.contains("phone")) {
                    throw new SQLException("the import query returns no 'phone' column; it must return "
                            + String.join(", ", LegacyRecord.COLUMNS));
                }
                List<LegacyRecord> records = new ArrayList<>();
                int row = 0;
                while (rows.next()) {
                    row++;
                    records.add(new LegacyRecord(row, text(rows, labels, "legacy_id"), text(rows, labels, "phone"),
                            text(rows, labels, "first_name"), text(rows, labels, "last_name"),
                            text(rows, labels, "email"), date(rows, labels), text(rows, labels, "gender"),
                            instant(rows, labels), null));
                }
                return records;
            }
        }
    }

    /**
     * Plain JDBC, not a Quarkus datasource: the service must start without the legacy database. The
     * driver is looked up through this class's loader because DriverManager does not always see the
     * drivers from inside Quarkus' class loaders.
     */
    private Connection connect(int timeoutSeconds) throws SQLException {
        String url = config.jdbcUrl().orElseThrow();
        Properties properties = new Properties();
        config.username().ifPresent(user -> properties.setProperty("user", user));
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds)); // both drivers know it
        for (Driver driver : ServiceLoader.load(Driver.class, LegacyJdbcSource.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, properties);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return java.sql.DriverManager.getConnection(url, properties);
    }

    private static Set<String> labels(ResultSetMetaData meta) throws SQLException {
        Set<String> labels = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    private static String text(ResultSet rows, Set<String> labels, String column) throws SQLException {
        return labels.contains(column) ? blankToNull(rows.getString(column)) : null;
    }

    private static String date(ResultSet rows, Set<String> labels) throws SQLException {
        if (!labels.contains("birthday")) {
            return null;
        }
        Object value = rows.getObject("birthday");
        return value instanceof Date date ? date.toLocalDate().toString() : blankToNull(rows.getString("birthday"));
    }

    private static String instant(ResultSet rows, Set<String> labels) throws SQLException {
        if (!labels.contains("updated_at")) {
            return null;
        }
        Object value = rows.getObject("updated_at");
        return value instanceof Timestamp ts ? ts.toInstant().toString() : blankToNull(rows.getString("updated_at"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getSQLState() == null ? message : message + " (SQL state " + e.getSQLState() + ")";
    }
}
