import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.devstack.infra.KafkaBroker;

/**
 * The gateway's own cost per request, without the rest of the platform: a real Kafka broker (the
 * request events are sent), a fake catalog-service in this JVM (Vert.x, canned answers: a 28.7 KB
 * product page, a small category, a 2-byte body) and the gateway as its own process with the dev
 * stack's JVM flags. For each endpoint: wrk straight at the fake service, then through the gateway,
 * with the CPU time the gateway process and this process (the fake service) spent per request.
 * Several gateway builds can be compared in one run ({@code --gateway name=DIR} repeated), in turns
 * ({@code --rounds N}).
 *
 * <p>Run with {@code bench/gateway-overhead.sh} (builds the classpath); see bench/README.md.
 */
public class GatewayOverheadBench {

    static final Pattern REQS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final Pattern LATENCY = Pattern.compile("Latency\\s+(\\S+)");
    static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    static final String DEVSTACK_FLAGS = "-Xmx128m -Xms32m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-XX:ReservedCodeCacheSize=64m";

    public static void main(String[] args) throws Exception {
        Map<String, Path> gateways = new LinkedHashMap<>();
        String jvmFlags = DEVSTACK_FLAGS;
        int seconds = 15;
        int connections = 16;
        String jfrDir = null;
        int rounds = 1;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> {
                    String[] named = args[++i].split("=", 2);
                    gateways.put(named[0], Path.of(named[1]));
                }
                case "--jvm-flags" -> jvmFlags = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--jfr" -> jfrDir = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (gateways.isEmpty()) {
            gateways.put("gateway", Path.of("gateway/target/quarkus-app"));
        }

        Path work = Files.createTempDirectory("gateway-bench");
        int kafkaPort = freePort();
        KafkaBroker kafka = new KafkaBroker(work.resolve("kafka"), kafkaPort, freePort()); // 256 MB heap, C1, SerialGC (its defaults)
        Vertx vertx = Vertx.vertx();
        try {
            kafka.start();
            int upstreamPort = startFakeCatalog(vertx);
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("product list (28.7 KB)", "/api/catalog/products?categoryId=1&limit=20");
            endpoints.put("category (0.4 KB)", "/api/catalog/categories/1");
            endpoints.put("trivial (2 B)", "/api/catalog/ping");
            String wanted = only;
            endpoints.keySet().removeIf(name -> !name.startsWith(wanted));

            System.out.printf("wrk -t2 -c%d -d%ds, gateway JVM: %s, %d cores, load %s%n", connections, seconds,
                    jvmFlags, Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("%-10s %-24s %10s %10s %7s %12s %9s %12s %10s %15s %17s%n", "gateway", "endpoint", "direct/s", "gateway/s",
                    "ratio", "gw CPU/req", "(user %)", "svc CPU/req", "gw avg lat", "gw wakeups/req", "gw r+w calls/req");
            List<Map.Entry<String, Path>> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) { // alternating builds: a busy machine drifts
                runs.addAll(gateways.entrySet());
            }
            for (Map.Entry<String, Path> gateway : runs) {
                int port = freePort();
                Process process = startGateway(gateway.getValue(), jvmFlags, port, upstreamPort, kafka.bootstrapServers(),
                        work.resolve(gateway.getKey() + ".log"), jfrDir == null ? null
                                : Path.of(jfrDir).resolve(gateway.getKey() + ".jfr").toAbsolutePath());
                try {
                    awaitUp(process, port, work.resolve(gateway.getKey() + ".log"));
                    for (String path : endpoints.values()) { // warm-up: the JIT and the pools
                        wrk("http://127.0.0.1:" + port + path, Math.max(3, seconds / 3), connections);
                        wrk("http://127.0.0.1:" + upstreamPort + path, Math.max(3, seconds / 3), connections);
                    }
                    for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
                        long selfBefore = cpuNanos(ProcessHandle.current().pid());
                        double direct = wrk("http://127.0.0.1:" + upstreamPort + endpoint.getValue(), seconds, connections);
                        long svcDirect = cpuNanos(ProcessHandle.current().pid()) - selfBefore;
                        long[] gwBefore = cpuSplitNanos(process.pid());
                        long switchesBefore = contextSwitches(process.pid());
                        long ioCallsBefore = ioSyscalls(process.pid());
                        selfBefore = cpuNanos(ProcessHandle.current().pid());
                        double proxied = wrk("http://127.0.0.1:" + port + endpoint.getValue(), seconds, connections);
                        String latency = lastLatency;
                        long[] gwAfter = cpuSplitNanos(process.pid());
                        long gwUser = gwAfter[0] - gwBefore[0];
                        long gwCpu = gwUser + gwAfter[1] - gwBefore[1];
                        long switches = contextSwitches(process.pid()) - switchesBefore;
                        long ioCalls = ioSyscalls(process.pid()) - ioCallsBefore;
                        long svcCpu = cpuNanos(ProcessHandle.current().pid()) - selfBefore;
                        System.out.printf("%-10s %-24s %10.0f %10.0f %7.2f %9.0f µs %8.0f%% %9.0f µs %10s %15.2f %17.2f%n", gateway.getKey(),
                                endpoint.getKey(), direct, proxied, proxied / direct,
                                gwCpu / 1e3 / (proxied * seconds), 100.0 * gwUser / Math.max(1, gwCpu),
                                svcCpu / 1e3 / (proxied * seconds), latency,
                                switches / (proxied * seconds), ioCalls / (proxied * seconds));
                        if (svcDirect < 0) {
                            throw new IllegalStateException("cpu clock went backwards");
                        }
                    }
                } finally {
                    process.destroy();
                    process.waitFor();
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            kafka.stop();
        }
    }

    /** catalog-service's answers, canned: the bench measures what the gateway adds, not catalog. */
    static int startFakeCatalog(Vertx vertx) throws Exception {
        StringBuilder page = new StringBuilder("{\"items\":[");
        while (page.length() < 29_300) {
            page.append("{\"id\":12345,\"name\":\"Bench product with a long enough name\",\"price\":\"19.99\",")
                    .append("\"variants\":[{\"sku\":\"SKU-1-RED-M\",\"available\":7}]},");
        }
        page.setLength(page.length() - 1);
        page.append("],\"total\":100}");
        Buffer products = Buffer.buffer(page.toString());
        Buffer category = Buffer.buffer("{\"id\":1,\"name\":\"Bench products\",\"slug\":\"bench-products\","
                + "\"description\":\"" + "x".repeat(300) + "\",\"parentId\":null}");
        Buffer ping = Buffer.buffer("ok");
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> {
                    String path = request.path();
                    Buffer body = path.startsWith("/api/catalog/products") ? products
                            : path.startsWith("/api/catalog/categories/") ? category
                            : path.equals("/api/catalog/ping") ? ping : null;
                    if (body == null) {
                        request.response().setStatusCode(404).end();
                    } else {
                        request.response().putHeader("Content-Type", "application/json").end(body);
                    }
                });
        return server.listen().toCompletionStage().toCompletableFuture().get().actualPort();
    }

    static Process startGateway(Path app, String jvmFlags, int port, int upstreamPort, String kafka, Path log, Path jfr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags.split("\\s+")));
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        String upstream = "http://127.0.0.1:" + upstreamPort;
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + freePort(),
                "-Dshop.services.catalog.url=" + upstream, "-Dshop.services.customer.url=" + upstream,
                "-Dshop.services.order.url=" + upstream, "-Dshop.services.analytics.url=" + upstream,
                "-Dkafka.bootstrap.servers=" + kafka, "-Dshop.gateway.rate-limit.enabled=false",
                "-jar", app.resolve("quarkus-run.jar").toAbsolutePath().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitUp(Process process, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the gateway exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the gateway did not come up; see " + log);
    }

    static String lastLatency = "?";

    static double wrk(String url, int seconds, int connections) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        Matcher errors = NON2XX.matcher(out);
        if (errors.find()) {
            throw new IllegalStateException("non-2xx answers from " + url + ":\n" + out);
        }
        Matcher latency = LATENCY.matcher(out);
        lastLatency = latency.find() ? latency.group(1) : "?";
        Matcher m = REQS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no result from wrk:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** utime + stime of a process (all its threads), in nanoseconds. */
    static long cpuNanos(long pid) throws IOException {
        long[] split = cpuSplitNanos(pid);
        return split[0] + split[1];
    }

    /** utime and stime (the kernel's share: syscalls, the network stack) of a process, in nanoseconds. */
    static long[] cpuSplitNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]) * 10_000_000L, Long.parseLong(fields[12]) * 10_000_000L}; // USER_HZ = 100
    }

    /**
     * Voluntary context switches of all threads of a process: each is a thread that went to sleep
     * waiting (for the network, a queue, a lock); fewer per request means fewer hand-offs and wake-ups.
     */
    static long contextSwitches(long pid) throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return total;
    }

    /**
     * Read and write syscalls of a process ({@code syscr + syscw} of /proc/PID/io: read, write, readv,
     * writev, ...): what a request costs in trips to the kernel, steadier than CPU time on a busy machine.
     */
    static long ioSyscalls(long pid) throws IOException {
        long total = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
            if (line.startsWith("syscr:") || line.startsWith("syscw:")) {
                total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
