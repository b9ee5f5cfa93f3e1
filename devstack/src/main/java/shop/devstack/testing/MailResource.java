package shop.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import shop.devstack.infra.Json;
import shop.devstack.infra.MailServer;
import shop.devstack.infra.MailboxPage;
import shop.devstack.infra.Ports;
import shop.devstack.infra.ReceivedMail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) for {@code @QuarkusTest}s: one per test JVM, and the Quarkus
 * mailer pointed at it with mocking off, so a test sees exactly what would have been sent.
 *
 * <p>The mailbox is shared by all test classes of the JVM: look for your own recipient rather
 * than counting all messages, or {@link #clear()} first.
 *
 * <pre>{@code @QuarkusTestResource(value = MailResource.class, restrictToAnnotatedClass = true)}</pre>
 */
public class MailResource implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER_KEY = "shop.devstack.test.mail";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtpPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.from", "shop@localhost",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // the server stays up for the next test class; it stops when the JVM exits
    }

    public static int smtpPort() {
        return Integer.parseInt(server()[0]);
    }

    /** Every mail received so far in this JVM, oldest first. */
    public static List<ReceivedMail> messages() {
        HttpResponse<String> response = call("GET");
        return Json.parse(response.body()) instanceof List<?> items
                ? items.stream().map(item -> ReceivedMail.fromMap((Map<?, ?>) item))
                        .sorted(Comparator.comparing(ReceivedMail::receivedAt)).toList()
                : List.of();
    }

    /** The mails received by {@code recipient}, oldest first. */
    public static List<ReceivedMail> messagesTo(String recipient) {
        return messages().stream().filter(mail -> mail.to().equalsIgnoreCase(recipient)).toList();
    }

    /** Waits (up to {@code timeout}) for a mail matching {@code condition}; mail is sent asynchronously. */
    public static ReceivedMail awaitMessage(Predicate<ReceivedMail> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ReceivedMail> found = messages().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching mail within " + timeout.toSeconds() + " s; received: " + messages());
            }
            sleep(100);
        }
    }

    /** Waits (up to 10 s) for the first mail to {@code recipient}. */
    public static ReceivedMail awaitMessageTo(String recipient) {
        return awaitMessage(mail -> mail.to().equalsIgnoreCase(recipient), Duration.ofSeconds(10));
    }

    /** Forgets all received mail. */
    public static void clear() {
        call("DELETE");
    }

    /**
     * The server lives in whichever class loader started it, so tests reach it through the
     * mailbox page's JSON API instead of a shared object.
     */
    private static HttpResponse<String> call(String method) {
        String apiUrl = server()[1] + "/api/messages";
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl)).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {smtp port, mailbox page url} of this JVM's server, starting it on first use. */
    private static String[] server() {
        return JvmShared.getOrCreate(SERVER_KEY, MailResource::startServer).split(" ");
    }

    private static String startServer() {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken before we bind it
            MailServer mail = new MailServer(Ports.free());
            MailboxPage page = new MailboxPage(mail, 0);
            try {
                mail.start();
                page.start();
                JvmShared.onExit("mail", () -> {
                    page.stop();
                    mail.stop();
                });
                return mail.port() + " " + page.url();
            } catch (IOException | RuntimeException e) {
                page.stop();
                mail.stop();
                failure = new IllegalStateException("cannot start the test SMTP server: " + e.getMessage(), e);
            }
        }
        throw failure;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
