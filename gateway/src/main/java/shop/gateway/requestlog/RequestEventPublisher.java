package shop.gateway.requestlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import shop.gateway.GatewayConfig;

/**
 * Hands request events to Kafka without ever holding up a request: {@link #publish} only offers the
 * record to a bounded queue (a full queue drops the event and counts it); one sender thread feeds the
 * Kafka producer, whose blocking ({@code max.block.ms}) and retrying ({@code delivery.timeout.ms}) are
 * bounded. With Kafka down, requests go on as usual and events are counted as failed or dropped
 * (metric {@code gateway.request.events{outcome=...}}).
 */
@ApplicationScoped
public class RequestEventPublisher {

    private static final Logger LOG = Logger.getLogger(RequestEventPublisher.class);
    /**
     * How long the producer waits to fill a batch: each batch costs the producer's network thread a
     * request, a response and wake-ups whatever its size, so at a few thousand requests/s fewer and
     * larger batches are most of what the events cost the gateway (20 ms: 50 batches/s; now 10 at
     * most). Analytics sees an event up to 0.1 s later, which nobody can tell.
     */
    private static final int LINGER_MS = 100;
    /** Producer batches: about 150 events of ~400 bytes each, one request to the broker per batch. */
    private static final int BATCH_BYTES = 64 * 1024;
    /** How long the sender sleeps when it found the queue empty (events then wait at most this long). */
    private static final long IDLE_POLL_MS = 5;
    private static final int DRAIN_MAX = 1024;
    private static final int TOPIC_WAIT_SECONDS = 30;

    private final GatewayConfig.RequestEvents config;
    private final Map<String, Object> kafkaConfig;
    private final BlockingQueue<ProducerRecord<String, String>> queue;
    private final Counter sent;
    private final Counter failed;
    private final Counter dropped;
    private volatile boolean running;
    private Thread sender;
    private Producer<String, String> producer;
    private long lastFailureLog;

    public RequestEventPublisher(GatewayConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry) {
        this.config = config.requestEvents();
        this.kafkaConfig = kafkaConfig;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, this.config.bufferSize()));
        this.sent = counter(registry, "sent");
        this.failed = counter(registry, "failed");
        this.dropped = counter(registry, "dropped");
        Gauge.builder("gateway.request.events.queued", queue, BlockingQueue::size)
                .description("Request events waiting for the Kafka producer").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("gateway.request.events").tag("outcome", outcome)
                .description("Request events by what became of them").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("request events are disabled");
            return;
        }
        running = true;
        sender = new Thread(this::run, "gateway-request-events");
        sender.setDaemon(true);
        sender.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = sender;
        if (thread != null) {
            try {
                thread.join(5_000); // at most one blocked send (max-block) plus closing
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Queues one event; never blocks. */
    public void publish(String key, String value) {
        if (!running) {
            return;
        }
        if (!queue.offer(new ProducerRecord<>(config.topic(), key, value))) {
            dropped.increment();
        }
    }

    public double sentCount() {
        return sent.count();
    }

    public double failedCount() {
        return failed.count();
    }

    public double droppedCount() {
        return dropped.count();
    }

    private void run() {
        List<ProducerRecord<String, String>> batch = new ArrayList<>(DRAIN_MAX);
        try {
            awaitTopic();
            while (running) {
                // the sender polls the queue instead of waiting on it: an offer from an event loop then
                // never has a waiting thread to wake (a futex call per request), and what piled up
                // meanwhile goes to the producer in one go
                if (queue.drainTo(batch, DRAIN_MAX) == 0) {
                    Thread.sleep(IDLE_POLL_MS);
                    continue;
                }
                Producer<String, String> kafka = producer();
                if (kafka == null) {
                    failed.increment(batch.size());
                    batch.clear();
                    continue;
                }
                for (ProducerRecord<String, String> record : batch) {
                    try {
                        kafka.send(record, this::onSent);
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        failed.increment();
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        failed.increment();
                        logFailure(e);
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dropped.increment(queue.size() + batch.size());
            queue.clear();
            if (producer != null) {
                boolean interrupted = Thread.interrupted();
                try {
                    producer.close(Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                    LOG.debug("closing the Kafka producer failed", e);
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private void onSent(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception error) {
        if (error == null) {
            sent.increment();
        } else {
            failed.increment();
            logFailure(error);
        }
    }

    /**
     * Before the first send: the topic is created on first use, and until the broker has created it and
     * told the producer, a send waits for metadata and fails after max-block (2 s), losing the first
     * events after a start on a busy machine. Events queue meanwhile; with Kafka down, the sender gives up
     * waiting after a while and goes on as usual (sends fail fast and are counted).
     */
    private void awaitTopic() {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(TOPIC_WAIT_SECONDS);
        while (running && System.nanoTime() < giveUpAt) {
            Producer<String, String> kafka = producer();
            if (kafka == null) {
                return;
            }
            try {
                kafka.partitionsFor(config.topic());
                return;
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.debugf("topic %s not known yet: %s", config.topic(), e);
            }
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            try {
                producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
            } catch (RuntimeException e) {
                logFailure(e);
                return null;
            }
        }
        return producer;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        long maxBlock = config.maxBlock().toMillis();
        long delivery = Math.max(config.deliveryTimeout().toMillis(), LINGER_MS + 1_000L);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-request-events");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        // request events are repetitive text: lz4 makes batches several times smaller for the broker and
        // analytics at a fraction of a microsecond per event here
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000L, delivery - LINGER_MS));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return props;
    }

    private void logFailure(Throwable error) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog > 60_000) {
            lastFailureLog = now;
            LOG.warnf("request events cannot be sent to Kafka (%s); requests are not affected, events are dropped",
                    error.toString());
        }
    }
}
