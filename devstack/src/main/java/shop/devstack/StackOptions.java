package shop.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to run the stack. Defaults match docs/conventions.md:
 * <pre>{@code
 * StackOptions.forProject(Path.of(".."))
 *     .dataDir(Path.of("target/stack")).clean(true)
 *     .ports(PortPlan.defaults().shiftedBy(10000))
 * }</pre>
 */
public final class StackOptions {

    /** Where service output goes besides {@code <data>/logs/<module>.log}. */
    public enum LogMode { FILE_ONLY, FILE_AND_CONSOLE }

    private final Path projectRoot;
    private Path dataDir;
    private boolean clean;
    private PortPlan ports = PortPlan.defaults();
    private EnumSet<Service> services = EnumSet.allOf(Service.class);
    private LogMode logMode = LogMode.FILE_ONLY;
    private JvmProfile jvmProfile = JvmProfile.DEV;
    private Duration readyTimeout = Duration.ofSeconds(90);
    private final Map<Service, String> maxHeap = new EnumMap<>(Service.class);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Consumer<String> progress = message -> { };
    private final Map<Service, Integer> replicas = new EnumMap<>(Service.class);
    private int defaultReplicas = 1;
    private boolean restart = true;
    private boolean trainClassData;

    private StackOptions(Path projectRoot) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.dataDir = this.projectRoot.resolve(".devstack");
    }

    /** The project's root directory (holding {@code gateway/}, {@code catalog-service/}, ...). */
    public static StackOptions forProject(Path projectRoot) {
        return new StackOptions(projectRoot);
    }

    /** Database files, Kafka data, keys and logs (default {@code <root>/.devstack}). */
    public StackOptions dataDir(Path dir) {
        this.dataDir = dir.toAbsolutePath().normalize();
        return this;
    }

    /** Delete the data directory before starting: a blank platform. */
    public StackOptions clean(boolean clean) {
        this.clean = clean;
        return this;
    }

    public StackOptions ports(PortPlan ports) {
        this.ports = ports;
        return this;
    }

    /** Which applications to start (default all five); infrastructure always starts. */
    public StackOptions services(Set<Service> services) {
        this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
        return this;
    }

    public StackOptions logMode(LogMode logMode) {
        this.logMode = logMode;
        return this;
    }

    /** How long each application may take to report ready (default 90 s). */
    public StackOptions readyTimeout(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    /** How the JVMs are tuned (default {@link JvmProfile#DEV}: quick start, small heaps). */
    public StackOptions jvmProfile(JvmProfile profile) {
        this.jvmProfile = profile;
        return this;
    }

    /** Maximum heap of one application's JVM (default: the {@link JvmProfile}'s, 128m in dev). */
    public StackOptions maxHeap(Service service, String heap) {
        this.maxHeap.put(service, heap);
        return this;
    }

    /** An extra environment variable for every application (e.g. a provider URL in system tests). */
    public StackOptions environment(String name, String value) {
        this.environment.put(name, value);
        return this;
    }

    /**
     * Runs {@code count} instances of every service behind the gateway ({@code ./run.sh --replicas N}); a
     * per-service {@link #replicas(Service, int)} wins. The gateway always runs once: it is the one entry port.
     */
    public StackOptions replicas(int count) {
        if (count < 1 || count > PortPlan.MAX_INSTANCES) {
            throw new IllegalArgumentException("replicas must be 1.." + PortPlan.MAX_INSTANCES + ", not " + count);
        }
        this.defaultReplicas = count;
        return this;
    }

    /** Runs {@code count} instances of one service ({@code ./run.sh --replicas order-service=3}). */
    public StackOptions replicas(Service service, int count) {
        if (service == Service.GATEWAY && count != 1) {
            throw new IllegalArgumentException("the gateway runs once: it is the platform's one entry port");
        }
        if (count < 1 || count > PortPlan.MAX_INSTANCES) {
            throw new IllegalArgumentException(service.module() + ": replicas must be 1.." + PortPlan.MAX_INSTANCES
                    + ", not " + count);
        }
        replicas.put(service, count);
        return this;
    }

    /**
     * Whether the stack restarts an instance that exits without being asked to (default true), with
     * back-off; off ({@code ./run.sh --no-restart}) for tests that need a dead instance to stay dead.
     */
    public StackOptions restart(boolean restart) {
        this.restart = restart;
        return this;
    }

    /**
     * Whether the stack, when it stops, has its applications write the class-data archives later starts of
     * the same build map ({@link shop.devstack.infra.ClassDataArchive}), if none exist yet: {@code ./run.sh}
     * does; tests only use archives that exist, so CI's platforms (one build each) pay for no dump.
     */
    public StackOptions trainClassData(boolean train) {
        this.trainClassData = train;
        return this;
    }

    /** Receives short progress messages ("PostgreSQL ready in 0.8 s"); default: ignored. */
    public StackOptions progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean clean() {
        return clean;
    }

    public PortPlan ports() {
        return ports;
    }

    public Set<Service> services() {
        return EnumSet.copyOf(services);
    }

    public LogMode logMode() {
        return logMode;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public String maxHeap(Service service) {
        return maxHeap.getOrDefault(service, jvmProfile.applicationHeap());
    }

    public JvmProfile jvmProfile() {
        return jvmProfile;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** How many instances of the application run (default 1). */
    public int replicas(Service service) {
        return replicas.getOrDefault(service, service == Service.GATEWAY ? 1 : defaultReplicas);
    }

    /** The most instances any application runs, for the port plan. */
    public int maxReplicas() {
        return java.util.Arrays.stream(Service.values()).mapToInt(this::replicas).max().orElse(1);
    }

    public boolean restart() {
        return restart;
    }

    public boolean trainClassData() {
        return trainClassData;
    }

    public Consumer<String> progress() {
        return progress;
    }
}
