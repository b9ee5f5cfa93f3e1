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
 * </pre>
 */
public final class Launcher {

    private static final String USAGE = """
            Usage: ./run.sh [--build] [--clean] [--demo] [--quiet] [--data DIR] [--jvm dev|throughput]
              --build      build the project first (also done when something is not built yet)
              --clean      delete the data directory first: a blank platform
              --demo       after start, sign in as admin and load a demo shop (categories, dictionaries, ~30 products with pictures)
              --quiet      do not stream the applications' logs to the console
              --data DIR   data directory (default: .devstack in the project root)
              --jvm NAME   how the JVMs are tuned: dev (default; C1 only, SerialGC, 128 MB heaps: quick start,
                           least memory) or throughput (C2, ParallelGC, 512 MB heaps: what production runs)
            """;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // before any library logs: GreenMail's INFO lines would drown the useful output
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of("").toAbsolutePath();
        StackOptions options = StackOptions.forProject(root)
                .logMode(StackOptions.LogMode.FILE_AND_CONSOLE)
                .progress(System.out::println);
        boolean demo = false;
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
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        run(options, demo);
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
                Press Ctrl-C to stop.
                %n""", took.toMillis() / 1000.0, ports.gateway(), ports.gateway(), ports.gateway(),
                ports.managementPort(Service.GATEWAY), ports.mailbox(), stack.logDir());
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.err.print(USAGE);
        System.exit(2);
    }
}
