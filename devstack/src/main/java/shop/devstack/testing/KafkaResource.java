package shop.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import shop.devstack.infra.KafkaBroker;
import shop.devstack.infra.Ports;
import shop.devstack.infra.TempDirs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: one per test JVM (random ports, data in a
 * temporary directory removed at exit). Topics are created on first use.
 *
 * <pre>{@code @QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)}</pre>
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static final String BOOTSTRAP_KEY = "shop.devstack.test.kafka.bootstrap";

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker stays up for the next test class; it stops when the JVM exits
    }

    /** "127.0.0.1:port" of this JVM's test broker, starting it on first use (takes a few seconds). */
    public static String bootstrapServers() {
        return JvmShared.getOrCreate(BOOTSTRAP_KEY, KafkaResource::startBroker);
    }

    private static String startBroker() {
        Path dir = TempDirs.create("kafka");
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken before we bind it
            KafkaBroker broker = new KafkaBroker(dir.resolve("broker-" + attempt), Ports.free(), Ports.free())
                    .logTo(dir.resolve("kafka.log"));
            try {
                broker.start();
                JvmShared.onExit("kafka", () -> {
                    broker.stop();
                    TempDirs.deleteRecursively(dir);
                });
                return broker.bootstrapServers();
            } catch (IOException | RuntimeException e) {
                broker.stop();
                failure = new IllegalStateException("cannot start the test Kafka broker: " + e.getMessage(), e);
            }
        }
        TempDirs.deleteRecursively(dir);
        throw failure;
    }
}
