package shop.customers.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A mail whose SMTP conversation fails or stalls is sent again; the caller never waits for any of it. */
class MailDeliveryTest {

    /** Answers each send with the next of {@code outcomes}: "stall" never completes, "fail" fails, "ok" sends. */
    private static final class ScriptedMailer implements ReactiveMailer {
        final List<String> outcomes;
        final AtomicInteger attempts = new AtomicInteger();
        final List<Mail> sent = new CopyOnWriteArrayList<>();

        ScriptedMailer(String... outcomes) {
            this.outcomes = List.of(outcomes);
        }

        @Override
        public Uni<Void> send(Mail... mails) {
            return Uni.createFrom().deferred(() -> {
                String outcome = outcomes.get(Math.min(attempts.getAndIncrement(), outcomes.size() - 1));
                return switch (outcome) {
                    case "stall" -> Uni.createFrom().nothing();
                    case "fail" -> Uni.createFrom().failure(new IllegalStateException("421 closing transmission channel"));
                    default -> Uni.createFrom().voidItem().invoke(() -> sent.addAll(List.of(mails)));
                };
            });
        }
    }

    private static MailDelivery delivery(ReactiveMailer mailer) {
        MailDelivery delivery = new MailDelivery();
        delivery.mailer = mailer;
        delivery.attemptTimeout = Duration.ofMillis(200);
        return delivery;
    }

    @Test
    void aStalledOrFailedAttemptIsRepeatedUntilTheMailIsSent() {
        ScriptedMailer mailer = new ScriptedMailer("stall", "fail", "ok");
        delivery(mailer).send(Mail.withText("anna@example.com", "Confirm your email address", "Token: x"), "a test mail");
        // the first attempt stalls for its whole timeout: a caller that waited for the mail would only be back now
        assertEquals(List.of(), mailer.sent, "the caller does not wait for the mail");

        await().atMost(Duration.ofSeconds(10)).until(() -> mailer.sent.size() == 1);
        assertEquals(3, mailer.attempts.get());
        assertEquals("anna@example.com", mailer.sent.get(0).getTo().get(0));
    }
}
