package shop.customers.imports;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import shop.devstack.infra.PostgresAdmin;
import shop.devstack.infra.Ports;
import shop.devstack.testing.PostgresResource;

/**
 * Points the JDBC import at a second database on the test PostgreSQL standing in for the legacy
 * "vAptekeSync", reached through a {@link FlakyTcpForwarder} on {@link #forwarderPort()} so tests
 * can make connections fail. Short retry delays keep the retrying tests quick.
 */
public class LegacyDatabaseProfile implements QuarkusTestProfile {
    static final String DATABASE = "legacy_vapteke";
    static final String USER = "legacy_vapteke";
    static final String PASSWORD = "legacy-secret";
    static final int RETRIES = 2;
    /** System property, not a static field: Quarkus loads this class in more than one class loader. */
    private static final String PORT_PROPERTY = "shop.test.legacy-import.forwarder-port";

    @Override
    public Map<String, String> getConfigOverrides() {
        PostgresResource.admin().createDatabaseAndUser(DATABASE, USER, PASSWORD);
        return Map.of(
                "shop.legacy-import.jdbc-url", PostgresAdmin.jdbcUrl(forwarderPort(), DATABASE) + "?sslmode=disable",
                "shop.legacy-import.username", USER,
                "shop.legacy-import.password", PASSWORD,
                "shop.legacy-import.query", "SELECT id AS legacy_id, phone, first_name, last_name, email, birthday,"
                        + " gender, changed_at AS updated_at FROM clients ORDER BY id",
                "shop.legacy-import.retries", Integer.toString(RETRIES),
                "shop.legacy-import.retry-delay", "PT0.2S",
                "shop.legacy-import.query-timeout", "PT30S");
    }

    static int forwarderPort() {
        synchronized (PORT_PROPERTY.intern()) {
            String port = System.getProperty(PORT_PROPERTY);
            if (port == null) {
                port = Integer.toString(Ports.free());
                System.setProperty(PORT_PROPERTY, port);
            }
            return Integer.parseInt(port);
        }
    }
}
