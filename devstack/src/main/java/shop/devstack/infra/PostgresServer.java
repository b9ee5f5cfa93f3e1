package shop.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (binaries from the zonky jar) run as a direct child process.
 *
 * <p>Why not zonky's {@code EmbeddedPostgres}: it starts the server through {@code pg_ctl}, which
 * daemonizes it (so it outlives a killed JVM), and it cannot run as root. Here, as root, the server
 * runs inside a fresh user namespace ({@code unshare -U}), where it is not uid 0 and the data
 * directory appears owned by the same (overflow) uid, which is all PostgreSQL checks.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    /** Local-only development password of the superuser. */
    public static final String SUPERUSER_PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private boolean forTests;
    private Path logFile;
    private ChildProcess process;

    /** A server for {@code dataDir} (created with initdb when empty) listening on 127.0.0.1:port. */
    public PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
    }

    /** Trades durability for speed (no fsync): for throw-away test databases only. */
    public PostgresServer forTests() {
        this.forTests = true;
        return this;
    }

    /** Where the server's output goes (default: {@code <dataDir>.log}). */
    public PostgresServer logTo(Path file) {
        this.logFile = file.toAbsolutePath();
        return this;
    }

    public PostgresServer start() throws IOException {
        return start(Duration.ofSeconds(60));
    }

    public synchronized PostgresServer start(Duration timeout) throws IOException {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path binaries = PostgresBinaries.install();
        stopStaleServer(dataDir);
        Ports.requireFree(port, "PostgreSQL");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb(binaries);
        }
        List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDir.toString()));
        settings().forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
        // SIGINT is PostgreSQL's "fast shutdown": it does not wait for clients to disconnect.
        process = ChildProcess.start("postgres", asNonRoot(ChildProcess.dieWithParent("INT", command)),
                Map.of("LC_ALL", "C"), dataDir, logFile, null);
        awaitReady(timeout);
        return this;
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("port", Integer.toString(port));
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", ""); // TCP only: no socket files to clash over
        settings.put("max_connections", "200");      // five services' pools + test apps
        settings.put("shared_buffers", forTests ? "16MB" : "64MB");
        settings.put("dynamic_shared_memory_type", "mmap");
        if (forTests) {
            settings.put("fsync", "off");
            settings.put("synchronous_commit", "off");
            settings.put("full_page_writes", "off");
        }
        return settings;
    }

    private void initdb(Path binaries) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL data directory");
                }
            }
        }
        Files.createDirectories(dataDir);
        Path passwordFile = Files.createTempFile("pg-password", ".txt");
        try {
            Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n");
            List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/initdb").toString(),
                    "-D", dataDir.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C"));
            if (forTests) {
                command.add("--no-sync");
            }
            Process initdb = new ProcessBuilder(asNonRoot(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (initdb.waitFor() != 0) {
                throw new IOException("initdb failed:\n" + LogFiles.tail(logFile, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during initdb", e);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** PostgreSQL refuses to run as root; in a new user namespace we are not root any more. */
    private static List<String> asNonRoot(List<String> command) {
        if (!Signals.runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command);
        int afterSession = wrapped.indexOf("setsid") == 0 ? 1 : 0;
        // the namespace must be entered before setpriv sets the parent-death signal
        wrapped.addAll(afterSession, List.of("unshare", "-U"));
        return wrapped;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with " + process.exitValue() + ":\n" + process.logTail(30));
            }
            try (Connection ignored = PostgresAdmin.connect(port, "postgres", SUPERUSER, SUPERUSER_PASSWORD)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(100);
        }
        process.stop("INT", Duration.ofSeconds(10));
        throw new IOException("PostgreSQL not ready after " + timeout.toSeconds() + " s (" + last + "):\n"
                + process.logTail(30));
    }

    /**
     * A server still running on this data directory after its launcher or test JVM died (an
     * orphan) is stopped; a pid file left by a crashed server is removed. A server whose parent
     * JVM is alive belongs to a running stack and is left alone (starting then fails on the port).
     */
    public static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("0").trim());
        } catch (NumberFormatException e) {
            pid = 0;
        }
        if (pid > 0 && Signals.isRunning(pid) && isPostgresOf(pid, dataDir)) {
            if (hasLiveJvmParent(pid)) {
                return;
            }
            Signals.send(pid, "INT");
            if (!Signals.awaitExit(pid, Duration.ofSeconds(30))) {
                Signals.send(pid, "QUIT"); // immediate shutdown
                Signals.awaitExit(pid, Duration.ofSeconds(10));
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** Our servers are direct children of the JVM that started them; an orphan has another parent. */
    private static boolean hasLiveJvmParent(long pid) {
        return Signals.parentPid(pid)
                .filter(parent -> parent > 1)
                .flatMap(Signals::commandName)
                .map(name -> name.equals("java"))
                .orElse(false);
    }

    private static boolean isPostgresOf(long pid, Path dataDir) {
        boolean isPostgres = Signals.commandName(pid).map("postgres"::equals).orElse(false);
        // the postmaster's working directory is its data directory; if unreadable, trust the name
        return isPostgres && Signals.workingDirectory(pid)
                .map(cwd -> {
                    try {
                        return cwd.equals(dataDir.toRealPath());
                    } catch (IOException e) {
                        return true;
                    }
                })
                .orElse(true);
    }

    /** Creates (or updates) the login role and a database it owns; safe to call repeatedly. */
    public void createDatabaseAndUser(String database, String user, String password) {
        admin().createDatabaseAndUser(database, user, password);
    }

    public String jdbcUrl(String database) {
        return PostgresAdmin.jdbcUrl(port, database);
    }

    /** Administration through a superuser connection. */
    public PostgresAdmin admin() {
        return new PostgresAdmin(port, SUPERUSER, SUPERUSER_PASSWORD);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Fast shutdown: clients are disconnected, data is checkpointed. */
    public synchronized void stop() {
        if (process != null) {
            process.stop("INT", Duration.ofSeconds(30));
            process = null;
        }
    }

    /**
     * Immediate shutdown (SIGQUIT): the postmaster kills every backend at once and exits without a
     * checkpoint, so the next {@link #start()} on the same data runs crash recovery, as after a power
     * cut. Not SIGKILL of the postmaster: its orphaned backends could still hold the shared memory
     * and make the restart fail. Clients see their connections dropped mid-transaction.
     */
    public synchronized void crash() {
        if (process != null) {
            process.stop("QUIT", Duration.ofSeconds(10));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
