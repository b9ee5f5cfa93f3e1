package shop.devstack;

import shop.devstack.infra.ChildProcess;
import shop.devstack.infra.ClassDataArchive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One application JVM ({@code java -jar <module>/target/quarkus-app/quarkus-run.jar}). Public for
 * {@link Stack#launch}, which starts extra processes for tests (e.g. with the production profile).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final String name;
    private final int port;
    private final ChildProcess process;
    /** The archive this JVM trains once it is ready, or null (it uses one, or training is off). */
    private final ClassDataArchive training;
    private final long startedAt = System.nanoTime();

    private ServiceProcess(Service service, String name, int port, ChildProcess process, ClassDataArchive training) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.process = process;
        this.training = training;
    }

    /** The jar Quarkus builds for a module (fast-jar layout). */
    static Path jar(Path projectRoot, Service service) {
        return projectRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static ServiceProcess start(Service service, int port, Path projectRoot, JvmProfile jvm, String maxHeap,
                                boolean trainClassData, Map<String, String> environment, Path logFile,
                                Consumer<String> console) throws IOException {
        return start(service, service.module(), port, projectRoot, jvm, maxHeap, trainClassData, environment, logFile,
                console);
    }

    /** {@code name} (e.g. {@code order-service#2}) prefixes its console lines and names it in messages. */
    static ServiceProcess start(Service service, String name, int port, Path projectRoot, JvmProfile jvm, String maxHeap,
                                boolean trainClassData, Map<String, String> environment, Path logFile,
                                Consumer<String> console) throws IOException {
        ClassDataArchive archive = classDataArchive(service, projectRoot, jvm, maxHeap, trainClassData);
        List<String> command = javaCommand(service, projectRoot, jvm, maxHeap, archive);
        Consumer<String> sink = console == null ? null : line -> console.accept("[" + name + "] " + line);
        ChildProcess process = ChildProcess.start(name, ChildProcess.dieWithParent("TERM", command),
                environment, projectRoot, logFile, sink);
        return new ServiceProcess(service, name, port, process, archive.trains() ? archive : null);
    }

    /** The command line of an application's JVM: the profile's flags, the heap, the fast-jar. */
    static List<String> javaCommand(Service service, Path projectRoot, JvmProfile jvm, String maxHeap) {
        return javaCommand(service, projectRoot, jvm, maxHeap, classDataArchive(service, projectRoot, jvm, maxHeap, false));
    }

    private static List<String> javaCommand(Service service, Path projectRoot, JvmProfile jvm, String maxHeap,
                                            ClassDataArchive archive) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(jvm.flags());
        command.addAll(archive.jvmFlags());
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-jar", jar(projectRoot, service).toString()));
        return command;
    }

    /** One archive per application, profile and heap, next to the module's build output ({@code target/cds}). */
    static ClassDataArchive classDataArchive(Service service, Path projectRoot, JvmProfile jvm, String maxHeap,
                                             boolean train) {
        Path target = jar(projectRoot, service).getParent().getParent();
        List<String> flags = new ArrayList<>(jvm.flags());
        flags.add("-Xmx" + maxHeap);
        return ClassDataArchive.of(target.resolve("cds"), jvm.name().toLowerCase(java.util.Locale.ROOT),
                target.resolve("quarkus-app"), flags, train);
    }

    /** Waits until {@code GET /q/health/ready} answers 200; fails when the process exits first. */
    public void awaitReady(Duration timeout) throws IOException {
        URI health = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue()
                        + ". Last lines of " + process.logFile() + ":\n" + process.logTail(40));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, e);
            }
            sleep(100); // a start takes seconds; a cheap poll, and the platform is ready sooner
        }
        throw new IOException(name + " not ready after " + timeout.toSeconds() + " s (last answer: "
                + lastAnswer + "). Last lines of " + process.logFile() + ":\n" + process.logTail(40));
    }

    /**
     * The archive this JVM can write for later starts ({@code ./run.sh}'s first start of a build), or
     * null: it maps one already, or training is off.
     */
    ClassDataArchive classDataTraining() {
        return training;
    }

    /**
     * Writes the class-data archive later starts of this build map ({@link #classDataTraining()}). The
     * JVM is held still for seconds meanwhile, so the stack asks for it when it stops, when nobody waits
     * for an answer.
     */
    void writeClassDataArchive() {
        if (training != null && process.isAlive()) {
            training.train(process.pid());
        }
    }

    /**
     * Waits until the process exits on its own (e.g. an application refusing its configuration) and
     * answers its exit code; fails when it is still running after {@code timeout}.
     */
    public int awaitExit(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " still runs after " + timeout.toSeconds() + " s. Last lines of "
                        + process.logFile() + ":\n" + process.logTail(40));
            }
            sleep(200);
        }
        return process.exitValue();
    }

    /** The last lines the process wrote to its log file. */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    Service service() {
        return service;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return process.logFile();
    }

    /** How long this process has been running. */
    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Completes when the process has exited, deliberately or not. */
    java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM lets Quarkus shut down gracefully; SIGKILL after 20 s. */
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    /** SIGKILL: the JVM dies at once, no shutdown hook, no graceful Kafka or HTTP shutdown. */
    void kill() {
        process.kill();
    }

    long pid() {
        return process.pid();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
