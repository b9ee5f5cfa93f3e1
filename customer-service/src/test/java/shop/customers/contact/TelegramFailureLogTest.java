package shop.customers.contact;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.commons.telegram.TelegramMessenger;
import shop.devstack.testing.LogCapture;
import shop.devstack.testing.TelegramStandIn;

/**
 * commons' Telegram client when Telegram cannot be reached: the bot token is in every request URL, and
 * an HTTP client's failure message may quote that URL (a read timeout does), yet no log line may hold
 * it. (A 500 answer: {@code ContactFormResourceTest}.)
 */
@QuarkusTest
class TelegramFailureLogTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void sendAndExpectALoggedFailureWithoutTheToken(URI apiUrl, String about, String reason) {
        TelegramMessenger messenger = new TelegramMessenger(apiUrl, Optional.of(TelegramStandIn.TOKEN),
                Optional.of(TelegramStandIn.CHAT_ID));
        try (LogCapture log = LogCapture.start()) {
            messenger.notifyStaff(about, "hello");
            await().atMost(WAIT).until(() -> log.anyMatch(l -> l.contains("could not send " + about + " to Telegram: ")));
            assertTrue(log.lines().stream().noneMatch(l -> l.contains(TelegramStandIn.TOKEN)), "the bot token was logged: " + log.lines());
            String line = log.lines().stream().filter(l -> l.contains("could not send " + about)).findFirst().orElseThrow();
            assertTrue(line.contains(reason), "the reason is named: " + line);
        }
    }

    @Test
    void anUnreachableApiIsLoggedWithoutTheToken() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        sendAndExpectALoggedFailureWithoutTheToken(URI.create("http://127.0.0.1:" + closed), "unreachable check", "ConnectException");
    }

    @Test
    void anApiThatNeverAnswersIsLoggedWithoutTheToken() throws Exception {
        // the kernel accepts the connection into the backlog; nobody reads or answers, so the client's read times out
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            sendAndExpectALoggedFailureWithoutTheToken(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    "silence check", "TimeoutException");
        }
    }
}
