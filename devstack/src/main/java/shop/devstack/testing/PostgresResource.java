package shop.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import shop.devstack.infra.PostgresAdmin;
import shop.devstack.infra.PostgresServer;
import shop.devstack.infra.Ports;
import shop.devstack.infra.TempDirs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: one server per test JVM (random port, data in a
 * temporary directory removed at exit), and a fresh database with its own user for every
 * application start, so test classes that restart Quarkus never see each other's rows.
 *
 * <pre>{@code @QuarkusTestResource(PostgresResource.class)}</pre>
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_KEY = "shop.devstack.test.postgres.port";
    private static final String COUNTER_KEY = "shop.devstack.test.postgres.databases";

    private String database;

    @Override
    public Map<String, String> start() {
        int port = port();
        database = "test_" + JvmShared.next(COUNTER_KEY);
        admin(port).createDatabaseAndUser(database, database, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", PostgresAdmin.jdbcUrl(port, database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database);
    }

    @Override
    public void stop() {
        // the server stays up for the next test class; it stops when the JVM exits
    }

    /** The port of this JVM's test server, starting it on first use. */
    public static int port() {
        return Integer.parseInt(JvmShared.getOrCreate(PORT_KEY, PostgresResource::startServer));
    }

    /** Superuser administration of the test server (e.g. to create an extra database). */
    public static PostgresAdmin admin() {
        return admin(port());
    }

    private static PostgresAdmin admin(int port) {
        return new PostgresAdmin(port, PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
    }

    private static String startServer() {
        Path dir = TempDirs.create("postgres");
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken before we bind it
            PostgresServer server = new PostgresServer(dir.resolve("data"), Ports.free())
                    .forTests().logTo(dir.resolve("postgres.log"));
            try {
                server.start();
                JvmShared.onExit("postgres", () -> {
                    server.stop();
                    TempDirs.deleteRecursively(dir);
                });
                return Integer.toString(server.port());
            } catch (IOException | IllegalStateException e) {
                server.stop();
                failure = new IllegalStateException("cannot start the test PostgreSQL: " + e.getMessage(), e);
            }
        }
        TempDirs.deleteRecursively(dir);
        throw failure;
    }
}
