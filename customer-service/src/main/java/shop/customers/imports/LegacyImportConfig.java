package shop.customers.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code shop.legacy-import.*}: the external legacy database (seed 004's "vAptekeSync" on SQL Server,
 * or PostgreSQL) that {@code {"source":"jdbc"}} imports read. Without a {@code jdbc-url} only CSV
 * imports are possible; the service starts either way (it is not a Quarkus datasource).
 */
@ConfigMapping(prefix = "shop.legacy-import")
public interface LegacyImportConfig {
    /** e.g. {@code jdbc:sqlserver://host:1433;databaseName=vAptekeSync;encrypt=false} or {@code jdbc:postgresql://…}. */
    Optional<String> jdbcUrl();

    Optional<String> username();

    Optional<String> password();

    /** Must return the columns of {@link LegacyRecord#COLUMNS} (by these labels; alias them in the query). */
    @WithDefault("SELECT legacy_id, phone, first_name, last_name, email, birthday, gender, updated_at FROM customers")
    String query();

    /** Login and query timeout (seed: MSSQL_TIMEOUT=30). */
    @WithDefault("PT30S")
    Duration queryTimeout();

    /** Further attempts after a failed connection or query (seed: MSSQL_RETRIES_COUNT=2). */
    @WithDefault("2")
    int retries();

    /** Pause between attempts (seed: MSSQL_RETRIES_SLEEP=30). */
    @WithDefault("PT30S")
    Duration retryDelay();

    /** Largest CSV upload accepted, in bytes. */
    @WithDefault("5000000")
    int maxCsvBytes();
}
