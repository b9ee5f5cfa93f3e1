package shop.devstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A one-node Kafka 4.0 broker (KRaft: broker and controller in one process) in its own JVM.
 *
 * <p>A separate JVM keeps Kafka's many dependencies (Scala, its own Jackson) away from the
 * services' classpaths; the jar list comes from {@code shop/devstack/kafka-classpath.txt}, written
 * by devstack's build.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/shop/devstack/kafka-classpath.txt";
    private static final String STARTED_LINE = "Kafka Server started";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Path logFile;
    private String heap = "256m";
    /** Quick start by default (C1 only, SerialGC); see {@code JvmProfile}. */
    private List<String> jvmFlags = List.of("-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private ChildProcess process;

    /** A broker keeping its data in {@code dataDir}, serving clients on 127.0.0.1:port. */
    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = this.dataDir.resolve("broker.log");
    }

    public KafkaBroker logTo(Path file) {
        this.logFile = file.toAbsolutePath();
        return this;
    }

    /** Maximum heap and the other JVM flags of the broker (a {@code JvmProfile}'s). */
    public KafkaBroker jvm(String maxHeap, List<String> flags) {
        this.heap = maxHeap;
        this.jvmFlags = List.copyOf(flags);
        return this;
    }

    public KafkaBroker start() throws IOException {
        return start(Duration.ofSeconds(90));
    }

    public synchronized KafkaBroker start(Duration timeout) throws IOException {
        if (process != null && process.isAlive()) {
            return this;
        }
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        Files.createDirectories(dataDir);
        String classpath = classpath();
        Path config = writeConfig();
        if (!Files.exists(dataDir.resolve("data/meta.properties"))) {
            formatStorage(classpath, config);
        }
        long logOffset = LogFiles.size(logFile);
        List<String> command = new ArrayList<>(javaCommand(classpath));
        command.addAll(List.of("kafka.Kafka", config.toString()));
        process = ChildProcess.start("kafka", ChildProcess.dieWithParent("TERM", command), Map.of(),
                dataDir, logFile, null);
        awaitStarted(logOffset, timeout);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Controlled shutdown (SIGTERM runs Kafka's shutdown hook), then SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /**
     * SIGKILL: the broker dies without a controlled shutdown, as in a crash. {@link #start()} brings it
     * back on the same port and data (Kafka recovers its logs; clients reconnect by themselves).
     */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> javaCommand(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmFlags);
        command.addAll(List.of("-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "-cp", classpath));
        return command;
    }

    private static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build devstack with ./mvnw");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private Path writeConfig() throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        String properties = String.join("\n",
                "# written by devstack on every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data"),
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // a restart on kept data must not wait out the previous incarnation's session
                "broker.session.timeout.ms=3000",
                "broker.heartbeat.interval.ms=500",
                // a one-developer broker: few threads, a small log-cleaner buffer (default 128 MB)
                "num.network.threads=2",
                "num.io.threads=2",
                "background.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "log.cleaner.threads=1",
                "log.cleaner.dedupe.buffer.size=8388608",
                "log.retention.hours=168",
                "");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties);
        return config;
    }

    private void formatStorage(String classpath, Path config) throws IOException {
        List<String> command = new ArrayList<>(javaCommand(classpath));
        // "--option=value": a cluster id may begin with "-", which the tool would otherwise take for an option
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId(),
                "--config=" + config, "--ignore-formatted"));
        try {
            Process format = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (format.waitFor() != 0) {
                throw new IOException("formatting Kafka storage failed:\n" + LogFiles.tail(logFile, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * Kafka's cluster id (a base64url UUID), kept in the data directory. Like Kafka's own generator it
     * never begins with "-" (one id in 64 did, and the storage tool then failed to start the broker).
     */
    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        Files.writeString(file, id);
        return id;
    }

    /** Kafka logs "Kafka Server started" once the broker is unfenced and serves clients. */
    private void awaitStarted(long logOffset, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kafka exited with " + process.exitValue() + ":\n" + process.logTail(40));
            }
            if (LogFiles.readFrom(logFile, logOffset).contains(STARTED_LINE) && Ports.isListening(port)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Kafka", e);
            }
        }
        String tail = process.logTail(40);
        stop();
        throw new IOException("Kafka not started after " + timeout.toSeconds() + " s:\n" + tail);
    }
}
