package shop.devstack.testing;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import shop.devstack.infra.ReceivedMail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test resources as Quarkus would call them. */
class ResourcesTest {

    @Test
    void everyStartGetsAFreshDatabaseOnTheSameServer() throws Exception {
        Map<String, String> first = new PostgresResource().start();
        Map<String, String> second = new PostgresResource().start();

        assertNotEquals(first.get("quarkus.datasource.jdbc.url"), second.get("quarkus.datasource.jdbc.url"));
        assertEquals(PostgresResource.port(), PostgresResource.port());
        try (Connection connection = DriverManager.getConnection(first.get("quarkus.datasource.jdbc.url"),
                first.get("quarkus.datasource.username"), first.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertTrue(rows.next());
            assertEquals(first.get("quarkus.datasource.username"), rows.getString(1));
        }
    }

    @Test
    void mailSentToTheConfiguredServerIsVisible() throws Exception {
        Map<String, String> config = new MailResource().start();
        assertEquals("false", config.get("quarkus.mailer.mock"));

        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.get("quarkus.mailer.host"));
        properties.put("mail.smtp.port", config.get("quarkus.mailer.port"));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(config.get("quarkus.mailer.from")));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("carol@example.com"));
        message.setSubject("Welcome");
        message.setText("Hello Carol");
        Transport.send(message);

        ReceivedMail mail = MailResource.awaitMessageTo("carol@example.com");
        assertEquals("Welcome", mail.subject());
        assertEquals(1, MailResource.messagesTo("carol@example.com").size());
        MailResource.clear();
        assertEquals(0, MailResource.messages().size());
    }

    @Test
    void kafkaResourceGivesTheBootstrapServers() {
        Map<String, String> config = new KafkaResource().start();
        assertEquals(KafkaResource.bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertTrue(config.get("kafka.bootstrap.servers").startsWith("127.0.0.1:"));
    }
}
