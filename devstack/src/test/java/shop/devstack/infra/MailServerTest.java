package shop.devstack.infra;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailServerTest {

    private final MailServer mail = new MailServer(Ports.free());
    private final MailboxPage page = new MailboxPage(mail, 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        page.stop();
        mail.stop();
    }

    @Test
    void receivesMailAndShowsItOnThePageAndAsJson() throws Exception {
        mail.start();
        page.start();

        send("anna@example.com", "Order <1> confirmed", "Thank you & \"bye\"");
        send("bob@example.com", "Second", "text");

        List<ReceivedMail> received = mail.messages();
        assertEquals(2, received.size());
        assertEquals("anna@example.com", received.get(0).to());
        assertEquals("shop@localhost", received.get(0).from());
        assertEquals("Order <1> confirmed", received.get(0).subject());
        assertEquals("Thank you & \"bye\"", received.get(0).body().trim());

        String html = get("/").body();
        assertTrue(html.contains("Order &lt;1&gt; confirmed"), html);
        assertFalse(html.contains("<1>"));
        assertTrue(html.indexOf("Second") < html.indexOf("Order &lt;1&gt;"), "newest first");

        HttpResponse<String> json = get("/api/messages");
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        List<?> items = (List<?>) Json.parse(json.body());
        assertEquals("bob@example.com", ((Map<?, ?>) items.get(0)).get("to"));
        assertEquals(received.get(0), ReceivedMail.fromMap((Map<?, ?>) items.get(1)));

        http.send(HttpRequest.newBuilder(URI.create(page.url() + "/api/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(List.of(), mail.messages());
    }

    @Test
    void readsTheMailboxWhileMailIsBeingDelivered() throws Exception {
        // GreenMail's inbox is a synchronized list that its own finder iterates without the lock: a read
        // during a delivery failed with ConcurrentModificationException (seen in a system test on CI)
        mail.start();
        int mails = 150;
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < mails; i++) {
                String to = "reader-" + (i % 2) + "@example.com";
                String subject = "Mail " + i;
                sent.add(senders.submit(() -> {
                    send(to, subject, "text");
                    return null;
                }));
            }
            int lastSeen = 0;
            while (lastSeen < mails) {
                int seen = mail.messages().size();
                assertTrue(seen >= lastSeen, "mail never disappears");
                lastSeen = seen;
                if (sent.stream().allMatch(Future::isDone)) {
                    for (Future<?> future : sent) {
                        future.get();
                    }
                    lastSeen = mail.messages().size();
                    break;
                }
            }
            assertEquals(mails, lastSeen);
        } finally {
            senders.shutdownNow();
        }
    }

    private void send(String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(mail.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("shop@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
