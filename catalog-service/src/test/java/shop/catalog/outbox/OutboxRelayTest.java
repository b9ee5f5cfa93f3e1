package shop.catalog.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import shop.commons.outbox.Outbox;
import shop.commons.outbox.OutboxMessage;
import shop.contracts.EventJson;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/**
 * The commons outbox relay, exercised in catalog-service against real PostgreSQL and Kafka (commons
 * has no application of its own).
 */
@QuarkusTest
class OutboxRelayTest {
    /** Kafka refuses this name, so a message for it fails like one during an outage. */
    private static final String BROKEN_TOPIC = "an invalid topic name!";

    record Numbered(int n) {
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereWritten() {
        String topic = "test.ordering." + UUID.randomUUID();
        String key = "order-1";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 30; n++) {
                outbox.add(topic, key, "Numbered", 1, new Numbered(n));
            }
        });
        List<Integer> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r ->
                        received.add(EventJson.payload(EventJson.read(r.value()), Numbered.class).n()));
                return received.size() >= 30;
            });
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            expected.add(n);
        }
        assertEquals(expected, received);
    }

    @Test
    void aBulkWriteKeepsTheOrderOfItsEventsAndOfThoseAddedAroundIt() {
        String topic = "test.bulk." + UUID.randomUUID();
        String key = "import-1";
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(topic, key, "Numbered", 1, new Numbered(0));
            List<Outbox.Entry> bulk = new ArrayList<>();
            for (int n = 1; n < 250; n++) {
                bulk.add(new Outbox.Entry(topic, key, "Numbered", 1, new Numbered(n)));
            }
            assertEquals(249, outbox.addAll(bulk).size());
            outbox.add(topic, key, "Numbered", 1, new Numbered(250));
        });
        // a rolled-back bulk write leaves nothing behind
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.addAll(List.of(new Outbox.Entry(topic, key, "Numbered", 1, new Numbered(-1))));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the rollback is the point
        }
        List<Integer> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r ->
                        received.add(EventJson.payload(EventJson.read(r.value()), Numbered.class).n()));
                return received.size() >= 251;
            });
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n <= 250; n++) {
            expected.add(n);
        }
        assertEquals(expected, received);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(m) from OutboxMessage m where m.topic = :t and m.envelope like '%\"n\":-1%'", Long.class)
                .setParameter("t", topic).getSingleResult()));
    }

    @Test
    void aMessageLeftUnsentBeforeARestartIsPublished() {
        // written straight into the table, as a crash between commit and publish would leave it
        UUID eventId = UUID.randomUUID();
        String topic = "test.restart." + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.persist(message(eventId, topic, "k")));
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), topic,
                (key, value) -> value.contains(eventId.toString()), Duration.ofSeconds(30));
        assertNotNull(record);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(eventId) != null);
    }

    @Test
    void aFailedMessageIsRetriedAndHoldsBackOnlyItsOwnKey() {
        UUID poisoned = UUID.randomUUID();
        UUID sameKeyAfter = UUID.randomUUID();
        UUID otherKey = UUID.randomUUID();
        String topic = "test.retry." + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.persist(message(poisoned, BROKEN_TOPIC, "k1"));
            em.persist(message(sameKeyAfter, BROKEN_TOPIC, "k1"));
            em.persist(message(otherKey, topic, "k2"));
        });
        // another key goes out although an earlier message failed
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), topic,
                (key, value) -> value.contains(otherKey.toString()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(poisoned) >= 1);
        assertNull(sentAt(sameKeyAfter), "a later message of the failed key must wait for it");

        // once the cause is fixed, the next run publishes both, in order
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update OutboxMessage set topic = :topic where topic = :broken")
                .setParameter("topic", topic).setParameter("broken", BROKEN_TOPIC).executeUpdate());
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(sameKeyAfter) != null);
        assertTrue(!sentAt(poisoned).isAfter(sentAt(sameKeyAfter)));
    }

    private static OutboxMessage message(UUID eventId, String topic, String key) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = eventId;
        message.topic = topic;
        message.messageKey = key;
        message.type = "Probe";
        message.envelope = "{\"eventId\":\"" + eventId + "\",\"type\":\"Probe\",\"occurredAt\":\""
                + Instant.now() + "\",\"version\":1,\"payload\":{}}";
        message.createdAt = Instant.now();
        return message;
    }

    private Instant sentAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select sentAt from OutboxMessage where eventId = :id", Instant.class)
                .setParameter("id", eventId).getSingleResult());
    }

    private int attempts(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select attempts from OutboxMessage where eventId = :id", Integer.class)
                .setParameter("id", eventId).getSingleResult());
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
