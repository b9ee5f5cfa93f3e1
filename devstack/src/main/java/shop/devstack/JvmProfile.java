package shop.devstack;

import java.util.List;

/**
 * How the stack's JVMs (the five applications and the Kafka broker) are tuned: for a quick start on a
 * laptop shared by seven processes, or for throughput (what a production container would run).
 * {@code ./run.sh --jvm throughput}; benchmarks say which one they were taken with.
 */
public enum JvmProfile {
    /**
     * Small, quick-starting JVMs: C1 only (no C2 compiler), SerialGC, small heaps. Starts fastest and
     * uses least memory; steady-state CPU per request is higher.
     */
    DEV("128m", "256m", List.of("-Xms32m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m")),
    /**
     * Production-like: full tiered compilation (C2), ParallelGC (throughput on few cores), larger heaps
     * fixed at start (no resizing under load). The defaults a container image of a service should use.
     */
    THROUGHPUT("512m", "512m", List.of("-Xms256m", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"));

    private final String applicationHeap;
    private final String brokerHeap;
    private final List<String> flags;

    JvmProfile(String applicationHeap, String brokerHeap, List<String> flags) {
        this.applicationHeap = applicationHeap;
        this.brokerHeap = brokerHeap;
        this.flags = flags;
    }

    /** Default maximum heap of an application's JVM (a {@link StackOptions#maxHeap} setting wins). */
    public String applicationHeap() {
        return applicationHeap;
    }

    /** Maximum heap of the Kafka broker's JVM. */
    public String brokerHeap() {
        return brokerHeap;
    }

    /** JVM flags besides the maximum heap. */
    public List<String> flags() {
        return flags;
    }

    /** {@code dev} or {@code throughput}, as given to {@code ./run.sh --jvm}. */
    public static JvmProfile named(String name) {
        for (JvmProfile profile : values()) {
            if (profile.name().equalsIgnoreCase(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown JVM profile '" + name + "' (dev or throughput)");
    }
}
