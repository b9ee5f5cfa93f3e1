package shop.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Signals and liveness of processes by PID (Linux /proc), beyond what java.lang.Process offers. */
public final class Signals {

    private Signals() {
    }

    /** Sends a signal by name ("INT", "TERM", "KILL", ...). */
    public static void send(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the process exists and is not a zombie (a dead child nobody has reaped yet). */
    public static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": the state follows the last ')' because comm may contain spaces
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The parent's PID, if the process exists. */
    public static Optional<Long> parentPid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[1])); // after the state comes ppid
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process's command name (/proc/PID/comm), if it exists. */
    public static Optional<String> commandName(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The process's working directory, if readable. */
    public static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Path.of("/proc", Long.toString(pid), "cwd").toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Waits until the process is gone; true when it went within the timeout. */
    public static boolean awaitExit(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether the current user is root (PostgreSQL then needs a user namespace). */
    public static boolean runningAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0")); // effective uid
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
