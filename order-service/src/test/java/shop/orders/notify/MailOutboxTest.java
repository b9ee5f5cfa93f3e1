package shop.orders.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.MailResource;

/**
 * Order mails are written to the mail outbox in the deciding transaction and sent after it: one left
 * behind (a crash after the commit, SMTP down) is sent by the next run, and senders running at the same
 * time (the wake-up after a commit, the schedule, another replica) send each mail exactly once.
 */
@QuarkusTest
class MailOutboxTest {
    @Inject
    MailOutbox outbox;

    @Inject
    EntityManager em;

    @Test
    void mailsLeftBehindAreSentOnceEvenBySeveralSendersAtOnce() throws Exception {
        String recipient = "outbox-" + UUID.randomUUID() + "@shop.test";
        // as a crash leaves them: committed, never sent (written directly, so no wake-up sends them first)
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 45; i++) {
                em.createNativeQuery("insert into mail_outbox (recipient, subject, body) values (:to, :subject, 'text')")
                        .setParameter("to", recipient).setParameter("subject", "mail " + i).executeUpdate();
            }
        });

        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> runs = List.of(outbox::sendDue, outbox::sendDue, outbox::sendDue);
            int sent = 0;
            for (Future<Integer> run : senders.invokeAll(runs)) {
                sent += run.get();
            }
            assertEquals(45, sent);
        } finally {
            senders.shutdownNow();
        }

        List<ReceivedMail> received = MailResource.messagesTo(recipient);
        Map<String, Long> perSubject = received.stream()
                .collect(Collectors.groupingBy(ReceivedMail::subject, Collectors.counting()));
        assertEquals(45, perSubject.size(), "every mail arrived: " + perSubject.keySet());
        assertEquals(List.of(1L), new ArrayList<>(perSubject.values().stream().distinct().toList()),
                "no mail arrived twice: " + perSubject);
        // each its own message, with the Message-ID the outbox gives it (the same again on a repeat)
        assertEquals(45, received.stream().map(ReceivedMail::messageId).distinct().count());
        received.forEach(mail -> assertTrue(mail.messageId().matches("<order-mail\\.\\d+\\.\\d+@localhost>"), mail.messageId()));
        long unsent = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from mail_outbox where recipient = :to and sent_at is null")
                .setParameter("to", recipient).getSingleResult()).longValue());
        assertEquals(0, unsent);
    }

    @Test
    void anSmtpFailureBacksOffUpToAnHour() {
        Function<Integer, Long> seconds = attempts -> MailOutbox.backoff(attempts).toSeconds();
        assertEquals(2, seconds.apply(1));
        assertEquals(8, seconds.apply(3));
        assertEquals(3600, seconds.apply(30));
    }
}
