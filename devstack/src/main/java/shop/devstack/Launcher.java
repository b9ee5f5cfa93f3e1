package shop.devstack;

import shop.devstack.demo.DemoData;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh}: starts the whole platform locally and keeps it running until Ctrl-C.
 *
 * <pre>
 * --clean       delete the data directory first (a blank platform)
 * --demo        after start, load the demo shop (categories, dictionaries, ~30 products with pictures)
 * --data DIR    data directory (default .devstack)
 * --quiet       do not stream the applications' logs to the console
 * --jvm NAME    dev (default: quick start, small heaps) or throughput (C2, ParallelGC, 512 MB heaps)
 * --replicas N  N instances of every service behind the gateway; or SERVICE=N (repeatable, comma list)
 * --no-restart  leave an instance that exits dead (default: restarted with back-off)
 * --status      list the instances of the stack running in the data directory, each with its readiness
 * </pre>
 */
public final class Launcher {

    private static final String USAGE = """
            Usage: ./run.sh [--build] [--clean] [--demo] [--quiet] [--data DIR] [--jvm dev|throughput]
                            [--replicas N|SERVICE=N,...] [--no-restart] [--status]
              --build      build the project first (also done when something is not built yet)
              --clean      delete the data directory first: a blank platform
              --demo       after start, sign in as admin and load a demo shop (categories, dictionaries, ~30 products with pictures)
              --quiet      do not stream the applications' logs to the console
              --data DIR   data directory (default: .devstack in the project root)
              --jvm NAME   how the JVMs are tuned: dev (default; C1 only, SerialGC, 128 MB heaps: quick start,
                           least memory) or throughput (C2, ParallelGC, 512 MB heaps: what production runs)
              --replicas N|SERVICE=N
                           N instances of every service behind the gateway (1-9; the gateway runs once), or of
                           one service: --replicas order-service=3 (repeatable, or a comma list); instance k
                           listens on the service's port + 10*(k-1) and logs to logs/<service>-k.log
              --no-restart an instance that exits is left dead (default: restarted after 1 s, 2 s, 4 s, ... 30 s)
              --status     list the instances of the stack running in the data directory and whether each is ready
            """;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // before any library logs: GreenMail's INFO lines would drown the useful output
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of("").toAbsolutePath();
        StackOptions options = StackOptions.forProject(root)
                .logMode(StackOptions.LogMode.FILE_AND_CONSOLE)
                .trainClassData(true)
                .progress(System.out::println);
        boolean demo = false;
        boolean status = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> options.clean(true);
                case "--demo" -> demo = true;
                case "--quiet" -> options.logMode(StackOptions.LogMode.FILE_ONLY);
                case "--build" -> { } // handled by run.sh
                case "--data" -> {
                    if (i + 1 >= args.length) {
                        fail("--data needs a directory");
                    }
                    options.dataDir(Path.of(args[++i]));
                }
                case "--jvm" -> {
                    if (i + 1 >= args.length) {
                        fail("--jvm needs dev or throughput");
                    }
                    try {
                        options.jvmProfile(JvmProfile.named(args[++i]));
                    } catch (IllegalArgumentException e) {
                        fail(e.getMessage());
                    }
                }
                case "--replicas" -> {
                    if (i + 1 >= args.length) {
                        fail("--replicas needs a number or SERVICE=N");
                    }
                    try {
                        Replicas.apply(args[++i], options);
                    } catch (IllegalArgumentException e) {
                        fail(e.getMessage());
                    }
                }
                case "--no-restart" -> options.restart(false);
                case "--status" -> status = true;
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        if (status) {
            printStatus(options);
            return;
        }
        run(options, demo);
    }

    private static void printStatus(StackOptions options) throws java.io.IOException {
        java.util.List<InstanceList.Entry> instances = InstanceList.read(options.dataDir());
        if (instances.isEmpty()) {
            System.out.println("No stack has started in " + options.dataDir() + " yet.");
            return;
        }
        System.out.println("Instances of the stack in " + options.dataDir() + ":");
        InstanceList.status(instances).forEach(System.out::println);
    }

    private static void run(StackOptions options, boolean demo) throws InterruptedException {
        long started = System.nanoTime();
        System.out.println("Starting the shop platform (data: " + options.dataDir() + ", JVM profile: "
                + options.jvmProfile().name().toLowerCase() + ")");
        Stack stack = new Stack(options);
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.err.println("Logs: " + stack.logDir());
            stack.close();
            System.exit(1);
        }
        if (demo) {
            try {
                new DemoData(stack.gatewayUrl(), System.out::println).load();
            } catch (Exception e) {
                System.err.println("Demo data not loaded: " + e.getMessage());
            }
        }
        printSummary(stack, options, Duration.ofNanos(System.nanoTime() - started));
        new CountDownLatch(1).await(); // until Ctrl-C; the stack's shutdown hook stops everything
    }

    private static void printSummary(Stack stack, StackOptions options, Duration took) {
        PortPlan ports = options.ports();
        System.out.printf("""

                The shop platform is up (%.1f s).
                  gateway      http://localhost:%d
                  Swagger UI   http://localhost:%d/q/swagger-ui
                  health       http://localhost:%d/q/health
                  metrics      http://127.0.0.1:%d/q/metrics (gateway; services on the next ports)
                  mailbox      http://localhost:%d
                  logs         %s
                Instances (port, management port, log):
                %s
                Restarts: %s. Status: ./run.sh --status%s. Press Ctrl-C to stop.
                %n""", took.toMillis() / 1000.0, ports.gateway(), ports.gateway(), ports.gateway(),
                ports.managementPort(Service.GATEWAY), ports.mailbox(), stack.logDir(),
                instanceLines(stack), options.restart() ? "on (with back-off)" : "off (--no-restart)",
                options.dataDir().equals(options.projectRoot().resolve(".devstack")) ? "" : " --data " + options.dataDir());
    }

    private static String instanceLines(Stack stack) {
        StringBuilder lines = new StringBuilder();
        for (InstanceList.Entry instance : stack.instances()) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(String.format("  %-22s %5d  %5d  %s", instance.name(), instance.port(), instance.managementPort(),
                    instance.log().getFileName()));
        }
        return lines.toString();
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.err.print(USAGE);
        System.exit(2);
    }
}
