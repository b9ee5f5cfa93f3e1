package shop.devstack.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An external process (PostgreSQL, Kafka, a service JVM) that dies together with this JVM.
 *
 * <p>Children are started through {@code setsid} (so a Ctrl-C in the terminal reaches only the
 * launcher, which then stops them in order) and {@code setpriv --pdeathsig} (so they get a signal
 * when this JVM dies, even by SIGKILL). Output goes to a log file, optionally followed to a sink.
 */
public final class ChildProcess {

    /**
     * The parent-death signal fires when the parent THREAD exits, not the process. Every child is
     * therefore spawned from this one thread, which lives as long as the JVM.
     */
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-process-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final Process process;
    private final Path logFile;
    private final LogFollower follower;

    private ChildProcess(String name, Process process, Path logFile, LogFollower follower) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.follower = follower;
    }

    private static final boolean HAS_SETSID = onPath("setsid");
    private static final boolean HAS_SETPRIV = onPath("setpriv");

    /**
     * Builds a command that runs in its own session and receives {@code signal} when we die.
     * Without util-linux's setsid/setpriv the command runs as is (and may outlive a killed JVM).
     */
    public static List<String> dieWithParent(String signal, List<String> command) {
        List<String> full = new ArrayList<>();
        if (HAS_SETSID) {
            full.add("setsid");
        }
        if (HAS_SETPRIV) {
            full.addAll(List.of("setpriv", "--pdeathsig", signal));
        }
        full.addAll(command);
        return full;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        System.err.println("devstack: " + program + " (util-linux) not found; child processes may outlive a killed JVM");
        return false;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile}.
     *
     * @param lineSink receives each new log line (e.g. to stream it to the console), or null
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env,
                                     Path workDir, Path logFile, Consumer<String> lineSink) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        Process process;
        try {
            process = SPAWNER.submit(builder::start).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + name, e);
        } catch (ExecutionException e) {
            throw new IOException("cannot start " + name + ": " + String.join(" ", command), e.getCause());
        }
        LogFollower follower = lineSink == null ? null : LogFollower.follow(name, logFile, logStart, lineSink);
        return new ChildProcess(name, process, logFile, follower);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Completes when the process has exited, however it ended (for the stack's supervisor). */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log file, for error messages. */
    public String logTail(int lines) {
        return LogFiles.tail(logFile, lines);
    }

    /** SIGTERM, then SIGKILL if the process has not exited within {@code grace}. */
    public void stop(Duration grace) {
        stop(grace, process::destroy);
    }

    /** Sends {@code signal} (e.g. "INT"), then SIGKILL if the process has not exited within {@code grace}. */
    public void stop(String signal, Duration grace) {
        stop(grace, () -> Signals.send(process.pid(), signal));
    }

    /**
     * SIGKILL by PID, as a crash or the OOM killer would: no shutdown hook runs. Waits until the
     * process is gone. For chaos tests (and the last resort of {@link #stop}).
     */
    public void kill() {
        try {
            if (process.isAlive()) {
                Signals.send(process.pid(), "KILL");
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (follower != null) {
                follower.close();
            }
        }
    }

    private void stop(Duration grace, Runnable politeSignal) {
        try {
            if (process.isAlive()) {
                politeSignal.run();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (follower != null) {
                follower.close();
            }
        }
    }
}
