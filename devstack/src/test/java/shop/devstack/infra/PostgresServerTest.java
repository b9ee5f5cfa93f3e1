package shop.devstack.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @TempDir
    Path dir;

    private PostgresServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void createsDatabasesThatOnlyTheirOwnerMayUse_andKeepsDataOverARestart() throws Exception {
        int port = Ports.free();
        server = new PostgresServer(dir.resolve("pg"), port).start();
        server.createDatabaseAndUser("catalog", "catalog", "catalog");
        server.createDatabaseAndUser("catalog", "catalog", "catalog"); // idempotent
        server.createDatabaseAndUser("orders", "orders", "orders");

        try (Connection connection = PostgresAdmin.connect(port, "catalog", "catalog", "catalog");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE product (id bigint PRIMARY KEY, name text)");
            statement.execute("INSERT INTO product VALUES (1, 'Salmon')");
        }
        assertThrows(SQLException.class, () -> PostgresAdmin.connect(port, "catalog", "orders", "orders").close(),
                "another service's user must not connect");
        assertThrows(SQLException.class, () -> PostgresAdmin.connect(port, "catalog", "catalog", "wrong").close(),
                "passwords are checked");

        server.stop();
        assertFalse(Ports.isListening(port));
        server = new PostgresServer(dir.resolve("pg"), port).start();

        try (Connection connection = PostgresAdmin.connect(port, "catalog", "catalog", "catalog");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM product WHERE id = 1")) {
            assertTrue(rows.next());
            assertEquals("Salmon", rows.getString(1));
        }
        assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/catalog", server.jdbcUrl("catalog"));
    }

    @Test
    void aCrashedServerDropsItsConnections_andComesBackWithWhatWasCommitted() throws Exception {
        int port = Ports.free();
        server = new PostgresServer(dir.resolve("pg"), port).start();
        server.createDatabaseAndUser("orders", "orders", "orders");
        try (Connection connection = PostgresAdmin.connect(port, "orders", "orders", "orders");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customer_order (id bigint PRIMARY KEY)");
            statement.execute("INSERT INTO customer_order VALUES (1)");

            server.crash();

            assertFalse(server.isRunning());
            assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1"), "the connection is gone");
        }
        server.start(); // same port, same data: crash recovery

        try (Connection connection = PostgresAdmin.connect(port, "orders", "orders", "orders");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer_order")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void stopsAServerLeftRunningByAKilledRun() throws Exception {
        int port = Ports.free();
        Path data = dir.resolve("pg");
        new PostgresServer(data, port).start().stop(); // initdb

        // an orphaned server, as left by a launcher killed before it could stop it: `setsid -f`
        // forks and exits, so the server's parent is no longer a JVM
        Path binaries = PostgresBinaries.install();
        List<String> command = new ArrayList<>(List.of("setsid", "-f", binaries.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-c", "port=" + port, "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories="));
        if (Signals.runningAsRoot()) {
            command.addAll(2, List.of("unshare", "-U"));
        }
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("stale.log").toFile())
                .start().waitFor();
        await().atMost(Duration.ofSeconds(30)).until(() -> Ports.isListening(port));
        long stalePid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        try {
            server = new PostgresServer(data, port).start();

            assertFalse(Signals.isRunning(stalePid), "the stale server was stopped");
            server.createDatabaseAndUser("customers", "customers", "customers");
        } finally {
            if (Signals.isRunning(stalePid)) {
                Signals.send(stalePid, "KILL");
            }
        }
    }

    @Test
    void leavesAServerOfAnotherLiveJvmAlone() throws Exception {
        int port = Ports.free();
        Path data = dir.resolve("pg");
        server = new PostgresServer(data, port).start();

        PostgresServer.stopStaleServer(data);

        assertTrue(Files.exists(data.resolve("postmaster.pid")));
        server.createDatabaseAndUser("orders", "orders", "orders");
    }

    @Test
    void removesAStalePidFile() throws Exception {
        int port = Ports.free();
        Path data = dir.resolve("pg");
        new PostgresServer(data, port).start().stop();
        Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");

        server = new PostgresServer(data, port).start();
        server.createDatabaseAndUser("analytics", "analytics", "analytics");
    }
}
