package shop.devstack.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    private KafkaBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void deliversARecord_andKeepsItOverARestart() throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        broker = new KafkaBroker(dir.resolve("kafka"), port, controllerPort).start();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"))) {
            producer.send(new ProducerRecord<>("orders.events", "order-1", "{\"type\":\"OrderPlaced\"}")).get();
        }
        assertEquals(List.of("order-1={\"type\":\"OrderPlaced\"}"), consumeAll("first"));

        broker.stop();
        assertFalse(Ports.isListening(port));
        broker = new KafkaBroker(dir.resolve("kafka"), port, controllerPort).start();

        assertEquals(List.of("order-1={\"type\":\"OrderPlaced\"}"), consumeAll("after-restart"));
    }

    private List<String> consumeAll(String group) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("orders.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        assertTrue(!seen.isEmpty(), "no record within 30 s");
        return seen;
    }

    @Test
    void startsWithAClusterIdThatBeginsWithADash() throws Exception {
        // such an id was taken for an option by Kafka's storage tool: the broker (and the platform) did not start
        java.nio.file.Files.createDirectories(dir.resolve("kafka"));
        java.nio.file.Files.writeString(dir.resolve("kafka").resolve("cluster.id"), "-xY3kTq9RnW2aBcDeFgHiA");
        broker = new KafkaBroker(dir.resolve("kafka"), Ports.free(), Ports.free()).start();
        assertTrue(Ports.isListening(Integer.parseInt(broker.bootstrapServers().replaceAll(".*:", ""))));
    }
}
