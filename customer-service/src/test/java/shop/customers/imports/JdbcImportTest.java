package shop.customers.imports;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.customers.imports.ImportApi.finished;
import static shop.customers.imports.ImportApi.job;
import static shop.customers.imports.ImportApi.normalised;
import static shop.customers.imports.ImportApi.phone;
import static shop.customers.imports.ImportApi.startJdbc;
import static shop.customers.imports.ImportApi.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.infra.PostgresAdmin;
import shop.devstack.testing.PostgresResource;

/** Imports from a legacy database over JDBC: a second PostgreSQL database plays seed 004's "vAptekeSync". */
@QuarkusTest
@TestProfile(LegacyDatabaseProfile.class)
class JdbcImportTest {
    private static FlakyTcpForwarder forwarder;

    @BeforeAll
    static void startForwarder() throws Exception {
        forwarder = new FlakyTcpForwarder(LegacyDatabaseProfile.forwarderPort(), PostgresResource.port());
    }

    @AfterAll
    static void stopForwarder() throws Exception {
        forwarder.close();
    }

    @AfterEach
    void healTheNetwork() {
        forwarder.dropNext(0);
        forwarder.open();
    }

    /** Replaces the legacy table with these rows: {id, phone, first name, last name, email, changed at}. */
    private static void legacyRows(Object[]... rows) throws SQLException {
        try (Connection db = PostgresAdmin.connect(PostgresResource.port(), LegacyDatabaseProfile.DATABASE,
                LegacyDatabaseProfile.USER, LegacyDatabaseProfile.PASSWORD)) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS clients");
                ddl.execute("CREATE TABLE clients (id varchar(40) PRIMARY KEY, phone varchar(40), first_name varchar(100),"
                        + " last_name varchar(100), email varchar(200), birthday date, gender char(1), changed_at timestamptz)");
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO clients (id, phone, first_name, last_name, email, birthday, gender, changed_at)"
                            + " VALUES (?, ?, ?, ?, ?, DATE '1991-02-03', 'F', ?)")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < 5; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.setObject(6, OffsetDateTime.parse((String) row[5]));
                    insert.executeUpdate();
                }
            }
        }
    }

    @Test
    void aConnectionFailureIsRetriedAndTheJobShowsItWhileRunning() throws Exception {
        String phone = phone(), otherPhone = phone();
        String id = unique("V");
        legacyRows(
                new Object[]{id + "-old", phone, "Мария", "Old", null, "2023-05-01T00:00:00Z"},
                new Object[]{id + "-new", phone, " мария ", "КУЗНЕЦОВА", "maria@@example", "2024-05-01T00:00:00Z"},
                new Object[]{id + "-x", otherPhone, "-", "Lee", id + "@example.com", "2024-05-01T00:00:00Z"});
        forwarder.dropNext(1); // the first connection attempt fails
        forwarder.shut();      // the second waits, so the running job can be looked at

        String location = startJdbc();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> job(location).getInt("attempts") == 2);
        JsonPath running = job(location);
        assertEquals("running", running.getString("status"));
        assertTrue(running.getString("error").startsWith("attempt 1 failed: "), running.getString("error"));
        assertNull(running.get("total"), "nothing has been read yet");
        forwarder.open();

        JsonPath done = finished(location);
        assertEquals("succeeded", done.getString("status"), done.prettify());
        assertEquals("jdbc", done.getString("source"));
        assertEquals(2, done.getInt("attempts"));
        assertNull(done.get("error"));
        assertEquals(3, done.getInt("total"));
        assertEquals(2, done.getInt("created"));
        assertEquals(1, done.getInt("skipped"));
        assertEquals(id + "-old", done.getString("skippedRows[0].legacyId"));
        assertEquals(id + "-new", done.getString("notes[0].legacyId"));
        assertTrue(done.getString("notes[0].reason").contains("maria@@example"), done.getString("notes[0].reason"));

        CustomerChanged maria = ImportApi.registeredWithPhone(normalised(phone));
        assertEquals("Мария", maria.firstName());
        assertEquals("Кузнецова", maria.lastName());
        assertNull(maria.email());
        CustomerChanged lee = ImportApi.registeredWithPhone(normalised(otherPhone));
        assertNull(lee.firstName());
        assertEquals(id + "@example.com", lee.email());

        JsonPath again = finished(startJdbc());
        assertEquals("succeeded", again.getString("status"));
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(2, again.getInt("unchanged"));
    }

    @Test
    void aSourceThatStaysDownFailsTheJobAfterTheConfiguredRetries() throws Exception {
        legacyRows(new Object[]{unique("D"), phone(), "Never", "Imported", null, "2024-05-01T00:00:00Z"});
        int before = forwarder.accepted();
        forwarder.dropNext(Integer.MAX_VALUE);

        JsonPath done = finished(startJdbc());
        assertEquals("failed", done.getString("status"));
        assertEquals(LegacyDatabaseProfile.RETRIES + 1, done.getInt("attempts"));
        assertEquals(LegacyDatabaseProfile.RETRIES + 1, forwarder.accepted() - before);
        assertTrue(done.getString("error").startsWith("the legacy database could not be read after 3 attempts: "),
                done.getString("error"));
        assertEquals(0, done.getInt("created"));
        assertNull(done.get("total"));
        assertTrue(done.getString("finishedAt") != null);
    }
}
