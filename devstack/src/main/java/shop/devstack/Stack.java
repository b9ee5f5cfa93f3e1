package shop.devstack;

import shop.devstack.infra.JwtKeys;
import shop.devstack.infra.KafkaBroker;
import shop.devstack.infra.LogFiles;
import shop.devstack.infra.MailServer;
import shop.devstack.infra.MailboxPage;
import shop.devstack.infra.Ports;
import shop.devstack.infra.PostgresServer;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.infra.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, SMTP with its mailbox page, the JWT key
 * pair, and the five applications as separate JVMs. Used by the launcher and by the system tests.
 *
 * <pre>{@code
 * try (Stack stack = new Stack(StackOptions.forProject(root)).start()) {
 *     ... stack.gatewayUrl() ...
 * }
 * }</pre>
 *
 * Every child process dies with this JVM (parent-death signal); {@link #close()} (also run by a
 * shutdown hook) stops them in order: gateway, services, Kafka, mail, PostgreSQL.
 */
public final class Stack implements AutoCloseable {

    private static final long MAX_LOG_BYTES = 20L << 20;
    /** The Quarkus configuration profile every application runs with here ({@code %devstack.} keys). */
    public static final String DEVSTACK_PROFILE = "devstack";

    private final StackOptions options;
    private final Consumer<String> progress;
    private final Map<String, Duration> startupTimes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** The current process of each instance; an instance stopped on purpose is removed before it is stopped. */
    private final Map<ServiceInstance, ServiceProcess> running = new ConcurrentHashMap<>();
    private final Supervisor supervisor;
    private final Thread shutdownHook = new Thread(this::close, "devstack-shutdown");
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private MailServer mail;
    private MailboxPage mailboxPage;
    private JwtKeys keys;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Stack(StackOptions options) {
        this.options = options;
        this.progress = options.progress();
        this.supervisor = new Supervisor(new SupervisedInstances(), options.restart(), options.readyTimeout(), progress);
    }

    /** Starts everything and waits until every application reports ready; on failure stops what started. */
    public synchronized Stack start() throws IOException {
        requireBuiltApplications();
        Path data = options.dataDir();
        PostgresServer.stopStaleServer(data.resolve("pg")); // an orphan from a killed run may hold the port
        requireFreePorts(); // before --clean: never delete the data of a stack that is still running
        if (options.clean() && Files.exists(data)) {
            progress.accept("Deleting " + data);
            TempDirs.deleteRecursively(data);
        }
        Files.createDirectories(logDir());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startInfrastructure();
            // the gateway too: it needs its upstreams only to answer, and its readiness waits for theirs
            startApplications(List.copyOf(options.services()));
            InstanceList.write(options.dataDir(), instances());
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startInfrastructure() throws IOException {
        PortPlan ports = options.ports();
        Path data = options.dataDir();
        for (String process : List.of("postgres", "kafka")) {
            LogFiles.rotateIfLarger(log(process), MAX_LOG_BYTES);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Void> database = run(pool, "PostgreSQL", () -> {
                postgres = new PostgresServer(data.resolve("pg"), ports.postgres()).logTo(log("postgres")).start();
                for (Service service : Service.values()) {
                    if (service.database() != null) {
                        postgres.createDatabaseAndUser(service.database(), service.database(), service.database());
                    }
                }
            });
            CompletableFuture<Void> broker = run(pool, "Kafka", () -> kafka =
                    new KafkaBroker(data.resolve("kafka"), ports.kafka(), ports.kafkaController())
                            .jvm(options.jvmProfile().brokerHeap(), options.jvmProfile().flags()).logTo(log("kafka")).start());
            CompletableFuture<Void> smtp = run(pool, "SMTP and mailbox page", () -> {
                mail = new MailServer(ports.smtp()).start();
                mailboxPage = new MailboxPage(mail, ports.mailbox()).start();
                keys = JwtKeys.ensure(data.resolve("keys"));
            });
            awaitAll(List.of(database, broker, smtp));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Starts instance 1 of every application, all at once, then the other instances of replicated ones
     * (again all at once): the first wave migrates the databases alone, and on two cores two waves of
     * four or five JVMs start sooner than nine JVMs fighting for the CPU at once.
     */
    private void startApplications(List<Service> services) throws IOException {
        if (services.isEmpty()) {
            return;
        }
        int waves = services.stream().mapToInt(options::replicas).max().orElse(1);
        for (int number = 1; number <= Math.min(waves, 2); number++) {
            List<ServiceInstance> wave = new ArrayList<>();
            for (Service service : services) {
                for (int n = number; n <= (number == 1 ? 1 : options.replicas(service)); n++) {
                    wave.add(new ServiceInstance(service, n));
                }
            }
            if (wave.isEmpty()) {
                continue;
            }
            ExecutorService pool = Executors.newFixedThreadPool(wave.size());
            try {
                List<CompletableFuture<Void>> starts = new ArrayList<>();
                for (ServiceInstance instance : wave) {
                    starts.add(run(pool, label(instance), () -> startInstance(instance.service(), instance.number())));
                }
                awaitAll(starts);
            } finally {
                pool.shutdown();
            }
        }
    }

    /** Starts every instance of one application (again) and waits until they are ready, e.g. after {@link #stopService}. */
    public void startService(Service service) throws IOException {
        for (int number = 1; number <= options.replicas(service); number++) {
            startInstance(service, number);
        }
    }

    /** Starts one instance of an application (again) and waits until it is ready. */
    public void startInstance(Service service, int number) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("the stack is stopping");
        }
        ServiceInstance instance = new ServiceInstance(service, number);
        if (running.containsKey(instance)) {
            return;
        }
        ServiceProcess process = spawn(instance);
        running.put(instance, process);
        supervisor.watch(instance, process);
        if (closed.get()) { // close() ran while we were spawning: it could not see this process
            stopInstance(service, number);
            throw new IllegalStateException("the stack is stopping");
        }
        try {
            process.awaitReady(options.readyTimeout());
        } catch (IOException e) {
            // a start that fails is reported to the caller, not retried by the supervisor
            running.remove(instance, process);
            process.stop();
            throw e;
        }
    }

    /** Starts the instance's JVM with its environment, log file and ports; not awaited. */
    private ServiceProcess spawn(ServiceInstance instance) throws IOException {
        Service service = instance.service();
        Path logFile = log(instance.logName());
        LogFiles.rotateIfLarger(logFile, MAX_LOG_BYTES);
        Files.writeString(logFile, "\n===== started by devstack at " + Instant.now() + " =====\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Consumer<String> console = options.logMode() == StackOptions.LogMode.FILE_AND_CONSOLE ? System.out::println : null;
        return ServiceProcess.start(service, label(instance), options.ports().port(service, instance.number()),
                options.projectRoot(), options.jvmProfile(), options.maxHeap(service), options.trainClassData(), environment(instance),
                logFile, console);
    }

    /** How messages name an instance: {@code order-service#2}, or {@code order-service} when it runs once. */
    String label(ServiceInstance instance) {
        return options.replicas(instance.service()) == 1 && instance.number() == 1 ? instance.service().module() : instance.name();
    }

    /** The supervisor's view of the running instances. */
    private final class SupervisedInstances implements Supervisor.Owner {
        @Override
        public boolean isCurrent(ServiceInstance instance, ServiceProcess process) {
            return !closed.get() && running.get(instance) == process;
        }

        @Override
        public ServiceProcess respawn(ServiceInstance instance, ServiceProcess dead) throws IOException {
            if (!isCurrent(instance, dead)) {
                return null;
            }
            ServiceProcess fresh = spawn(instance);
            if (closed.get() || !running.replace(instance, dead, fresh)) {
                fresh.stop(); // stopped on purpose while it was being spawned
                return null;
            }
            supervisor.watch(instance, fresh);
            return fresh;
        }

        @Override
        public void forget(ServiceInstance instance, ServiceProcess dead) {
            running.remove(instance, dead);
        }

        @Override
        public String label(ServiceInstance instance) {
            return Stack.this.label(instance);
        }
    }

    public void startService(String name) throws IOException {
        startService(Service.byName(name));
    }

    /** Stops every instance of one application (the gateway then answers 502 for its routes); not restarted. */
    public void stopService(Service service) {
        for (int number = 1; number <= PortPlan.MAX_INSTANCES; number++) {
            stopInstance(service, number);
        }
    }

    /** Stops one instance of an application gracefully (SIGTERM); not restarted. */
    public void stopInstance(Service service, int number) {
        ServiceProcess process = running.remove(new ServiceInstance(service, number));
        if (process != null) {
            process.stop();
        }
    }

    public void stopService(String name) {
        stopService(Service.byName(name));
    }

    // --- chaos: crashes of single parts, for tests that the platform survives them ---

    /**
     * Kills every instance of one application with SIGKILL (by the PID of the process this stack started),
     * as a crash or the OOM killer would; the supervisor leaves them dead, {@link #startService(Service)}
     * starts them again.
     */
    public void killService(Service service) {
        for (int number = 1; number <= PortPlan.MAX_INSTANCES; number++) {
            ServiceProcess process = running.remove(new ServiceInstance(service, number));
            if (process != null) {
                process.kill();
            }
        }
    }

    /**
     * Crashes one instance with SIGKILL without telling the supervisor: an unexpected exit, which it
     * restarts after its back-off unless restarts are off ({@link StackOptions#restart}). Answers the
     * killed PID.
     */
    public long crashInstance(Service service, int number) {
        ServiceProcess process = running.get(new ServiceInstance(service, number));
        if (process == null) {
            throw new IllegalStateException(new ServiceInstance(service, number).name() + " is not running");
        }
        process.kill();
        return process.pid();
    }

    /** The PID of the instance's current process; empty while it is not running (e.g. waiting to be restarted). */
    public java.util.OptionalLong pid(Service service, int number) {
        ServiceProcess process = running.get(new ServiceInstance(service, number));
        return process == null || !process.isAlive() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(process.pid());
    }

    /** Kills the Kafka broker with SIGKILL; the applications keep running and retry. */
    public void killKafka() {
        kafka.kill();
    }

    /** Starts the Kafka broker again on the same port and data, e.g. after {@link #killKafka()}. */
    public void restartKafka() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("the stack is stopping");
        }
        kafka.start();
    }

    /**
     * Crashes PostgreSQL (immediate shutdown: every connection dropped, no checkpoint); the
     * applications keep running, and their pools reconnect once {@link #restartPostgres()} is done.
     */
    public void killPostgres() {
        postgres.crash();
    }

    /** Starts PostgreSQL again on the same port and data (crash recovery after {@link #killPostgres()}). */
    public void restartPostgres() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("the stack is stopping");
        }
        postgres.start();
    }

    /** The environment of instance 1 of an application. */
    Map<String, String> environment(Service service) {
        return environment(new ServiceInstance(service, 1));
    }

    /** The environment of one application instance; names as in docs/conventions.md. */
    Map<String, String> environment(ServiceInstance instance) {
        Service service = instance.service();
        PortPlan ports = options.ports();
        Map<String, String> env = new LinkedHashMap<>();
        // the applications' defaults are production's; the dev stack's conveniences (sandbox payments,
        // admin/admin, any CORS origin, ...) are the %devstack values in their application.properties
        env.put("QUARKUS_PROFILE", DEVSTACK_PROFILE);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.port(service, instance.number())));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.managementPort(service, instance.number())));
        // unique per instance: its Kafka clients' ids (the broker's consumer groups tell the members apart)
        env.put("SHOP_INSTANCE_ID", instance.id());
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_CLIENT_ID_PREFIX", instance.id() + "-");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", service.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", service.database());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toString());
        if (service == Service.CUSTOMER) {
            env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKeyFile().toString());
            // confirmation and password reset mails link to the storefront's account pages
            env.put("SHOP_CUSTOMERS_STOREFRONT_URL", "http://localhost:" + ports.port(Service.GATEWAY));
        }
        if (service == Service.CATALOG) {
            // one directory for every catalog instance: on one machine a shared directory is the shared
            // volume the local store is safe on (atomic moves); see docs/architecture.md, "Replicas"
            env.put("SHOP_CATALOG_IMAGES_DIR", options.dataDir().resolve("images").toString());
        }
        if (service == Service.ORDER) {
            // payment pages and the provider's return address are links a browser follows: the gateway's
            env.put("SHOP_PAYMENTS_PUBLIC_URL", "http://localhost:" + ports.port(Service.GATEWAY));
        }
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(ports.smtp()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        if (service == Service.GATEWAY) {
            for (Service backend : Service.values()) {
                if (backend.routeVariable() != null) {
                    env.put(backend.routeVariable(), String.join(",", instanceUrls(backend)));
                }
            }
        }
        env.putAll(options.environment());
        return env;
    }

    /**
     * Starts one more process of an application next to the stack's own, e.g. with the production
     * profile in a system test: the stack's environment for that application, on the given ports,
     * changed by {@code overrides} (an empty value removes a variable, e.g. {@code QUARKUS_PROFILE}).
     * The caller stops it; it also dies with this JVM. Not awaited: see {@link ServiceProcess#awaitReady}
     * and {@link ServiceProcess#awaitExit}.
     */
    public ServiceProcess launch(Service service, String name, int port, int managementPort,
                                 Map<String, String> overrides) throws IOException {
        Map<String, String> env = environment(service);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        overrides.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        Path logFile = log(name);
        LogFiles.rotateIfLarger(logFile, MAX_LOG_BYTES);
        return ServiceProcess.start(service, port, options.projectRoot(), options.jvmProfile(), options.maxHeap(service),
                options.trainClassData(), env, logFile, null);
    }

    /**
     * Creates a database with an owner of the same name and password (if missing), e.g. for an extra
     * process of an application that must not share the stack's data; answers its JDBC URL.
     */
    public String createDatabase(String name) {
        postgres.createDatabaseAndUser(name, name, name);
        return postgres.jdbcUrl(name);
    }

    /** The base URLs of every instance of an application (what the gateway balances over). */
    public List<String> instanceUrls(Service service) {
        List<String> urls = new ArrayList<>();
        for (int number = 1; number <= options.replicas(service); number++) {
            urls.add("http://127.0.0.1:" + options.ports().port(service, number));
        }
        return urls;
    }

    /** The base URL of one instance of an application. */
    public String instanceUrl(Service service, int number) {
        return "http://127.0.0.1:" + options.ports().port(service, number);
    }

    /** How many instances of the application this stack runs. */
    public int replicas(Service service) {
        return options.replicas(service);
    }

    /** Every instance of the started applications, for status output. */
    public List<InstanceList.Entry> instances() {
        List<InstanceList.Entry> entries = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!options.services().contains(service)) {
                continue;
            }
            for (int number = 1; number <= options.replicas(service); number++) {
                ServiceInstance instance = new ServiceInstance(service, number);
                entries.add(new InstanceList.Entry(label(instance), options.ports().port(service, number),
                        options.ports().managementPort(service, number), log(instance.logName()),
                        supervisor.restarts(instance)));
            }
        }
        return entries;
    }

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    public String serviceUrl(Service service) {
        return "http://127.0.0.1:" + options.ports().port(service);
    }

    /** The application's management interface ({@code /q/metrics}), reachable on 127.0.0.1 only. */
    public String managementUrl(Service service) {
        return "http://127.0.0.1:" + options.ports().managementPort(service);
    }

    public String mailboxUrl() {
        return "http://127.0.0.1:" + options.ports().mailbox();
    }

    /** Mail received by the SMTP server so far, oldest first. */
    public List<ReceivedMail> mailbox() {
        return mail == null ? List.of() : mail.messages();
    }

    public void clearMailbox() {
        if (mail != null) {
            mail.clear();
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The JDBC URL of an application's database (its user and password are the database name). */
    public String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database());
    }

    public Path logDir() {
        return options.dataDir().resolve("logs");
    }

    public Path logFile(Service service) {
        return log(service.module());
    }

    /** The log file of one instance: {@code <module>.log} for instance 1, {@code <module>-<n>.log} for the others. */
    public Path logFile(Service service, int number) {
        return log(new ServiceInstance(service, number).logName());
    }

    public Set<Service> runningServices() {
        return running.keySet().stream().map(ServiceInstance::service).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** How long each part took to start, in start order. */
    public Map<String, Duration> startupTimes() {
        synchronized (startupTimes) {
            return new LinkedHashMap<>(startupTimes);
        }
    }

    /**
     * Stops everything in order; safe to call more than once. Not synchronized with {@link #start()}
     * so that Ctrl-C during a slow start stops at once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        progress.accept("Stopping...");
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down, or never registered
        }
        long started = System.nanoTime();
        supervisor.close();
        writeClassDataArchives();
        stopQuietly("gateway", () -> stopService(Service.GATEWAY));
        List<Thread> stops = new ArrayList<>();
        for (ServiceInstance instance : List.copyOf(running.keySet())) {
            Thread stop = new Thread(() -> stopInstance(instance.service(), instance.number()), "stop-" + instance.id());
            stop.start();
            stops.add(stop);
        }
        stops.forEach(Stack::join);
        stopQuietly("Kafka", () -> {
            if (kafka != null) {
                kafka.stop();
            }
        });
        stopQuietly("mail", () -> {
            if (mailboxPage != null) {
                mailboxPage.stop();
            }
            if (mail != null) {
                mail.stop();
            }
        });
        stopQuietly("PostgreSQL", () -> {
            if (postgres != null) {
                postgres.stop();
            }
        });
        progress.accept(String.format("Stopped (%.1f s).", (System.nanoTime() - started) / 1e9));
    }

    private void requireBuiltApplications() {
        List<String> missing = options.services().stream()
                .map(service -> ServiceProcess.jar(options.projectRoot(), service))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing
                    + "\nBuild first: ./mvnw -B install -DskipTests (or ./run.sh --build)");
        }
    }

    private void requireFreePorts() {
        PortPlan ports = options.ports();
        Map<Integer, String> wanted = new LinkedHashMap<>(ports.describe(options.maxReplicas()));
        for (Service service : Service.values()) {
            for (int number = 1; number <= options.maxReplicas(); number++) {
                if (!options.services().contains(service) || number > options.replicas(service)) {
                    wanted.remove(ports.port(service, number));
                    wanted.remove(ports.managementPort(service, number));
                }
            }
        }
        List<String> taken = wanted.entrySet().stream()
                .filter(entry -> Ports.isListening(entry.getKey()))
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", taken)
                    + ". Is another devstack running? Stop it, or choose other ports.");
        }
    }

    private Path log(String process) {
        return logDir().resolve(process + ".log");
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a start step on the pool, timing it and reporting progress. */
    private CompletableFuture<Void> run(ExecutorService pool, String name, Step step) {
        return CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            try {
                step.run();
            } catch (Exception e) {
                throw new CompletionException(new IOException(name + " failed to start: " + e.getMessage(), e));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            startupTimes.put(name, took);
            progress.accept(String.format("  %-22s ready in %4.1f s", name, took.toMillis() / 1000.0));
        }, pool);
    }

    /** Waits for all steps; if any failed, throws one exception naming every failure. */
    private static void awaitAll(List<CompletableFuture<Void>> steps) throws IOException {
        List<String> failures = new ArrayList<>();
        IOException first = null;
        for (CompletableFuture<Void> step : steps) {
            try {
                step.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                failures.add(cause.getMessage());
                if (first == null) {
                    first = cause instanceof IOException io ? io : new IOException(cause);
                }
            }
        }
        if (first != null) {
            throw failures.size() == 1 ? first : new IOException(String.join("\n\n", failures), first);
        }
    }

    /**
     * {@code ./run.sh}: the first stop of a build has one instance of each application write the class
     * data its later starts map (about a third less CPU per start), all at once, before they are stopped.
     */
    private void writeClassDataArchives() {
        Map<Path, ServiceProcess> trainees = new LinkedHashMap<>();
        running.values().forEach(process -> {
            if (process.classDataTraining() != null) {
                trainees.putIfAbsent(process.classDataTraining().file(), process);
            }
        });
        if (trainees.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Thread> dumps = new ArrayList<>();
        for (ServiceProcess process : trainees.values()) {
            Thread dump = new Thread(process::writeClassDataArchive, "cds-" + process.name());
            dump.start();
            dumps.add(dump);
        }
        dumps.forEach(Stack::join);
        progress.accept(String.format("Class data for faster starts written (%.1f s, once per build)",
                (System.nanoTime() - started) / 1e9));
    }

    private void stopQuietly(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            progress.accept("could not stop " + what + ": " + e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
