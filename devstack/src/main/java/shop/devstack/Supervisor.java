package shop.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts an application instance that exits without the stack asking it to, as a process manager or
 * Kubernetes would: after 1 s, then 2 s, 4 s, ... at most {@link #MAX_DELAY} while it keeps dying; once an
 * instance has stayed up for {@link #STABLE_AFTER}, its next crash counts as the first again. Every exit
 * is announced ({@code order-service#2 exited with code 137; restarting in 2 s (restart 3)}). An instance
 * the stack stops or kills on purpose ({@link Stack#stopService}, {@link Stack#killService}, closing the
 * stack) is no longer the stack's current process of that instance, and is not restarted.
 */
final class Supervisor implements AutoCloseable {
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    static final Duration STABLE_AFTER = Duration.ofSeconds(60);

    /** What the supervisor needs of the stack. */
    interface Owner {
        /** True while {@code process} is the stack's running process of {@code instance} (not stopped on purpose). */
        boolean isCurrent(ServiceInstance instance, ServiceProcess process);

        /** Starts the instance again in place of {@code dead}; null when it was stopped meanwhile. Not awaited. */
        ServiceProcess respawn(ServiceInstance instance, ServiceProcess dead) throws IOException;

        /** Forgets a dead process that is not restarted. */
        void forget(ServiceInstance instance, ServiceProcess dead);

        /** How messages name the instance ({@code order-service#2}, or {@code order-service} when it runs once). */
        String label(ServiceInstance instance);
    }

    private final Owner owner;
    private final boolean enabled;
    private final Duration readyTimeout;
    private final Consumer<String> progress;
    private final Map<ServiceInstance, Integer> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    Supervisor(Owner owner, boolean enabled, Duration readyTimeout, Consumer<String> progress) {
        this.owner = owner;
        this.enabled = enabled;
        this.readyTimeout = readyTimeout;
        this.progress = progress;
    }

    /** Watches a process the stack has just made the current one of its instance. */
    void watch(ServiceInstance instance, ServiceProcess process) {
        process.onExit().thenRunAsync(() -> exited(instance, process), scheduler);
    }

    /** The delay before the {@code restart}th consecutive restart: 1 s, 2 s, 4 s, ... at most {@link #MAX_DELAY}. */
    static Duration delay(int restart) {
        long seconds = FIRST_DELAY.toSeconds() << Math.min(restart - 1, 16);
        return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.toSeconds()));
    }

    /** Restarts of the instance since it last stayed up for {@link #STABLE_AFTER}. */
    int restarts(ServiceInstance instance) {
        return restarts.getOrDefault(instance, 0);
    }

    private void exited(ServiceInstance instance, ServiceProcess process) {
        if (!owner.isCurrent(instance, process)) {
            return; // stopped or killed on purpose
        }
        String label = owner.label(instance);
        int code = process.exitValue();
        if (!enabled) {
            owner.forget(instance, process);
            progress.accept(label + " exited with code " + code + "; not restarted (restarts are off)");
            return;
        }
        int restart = process.uptime().compareTo(STABLE_AFTER) >= 0 ? 1 : restarts(instance) + 1;
        restarts.put(instance, restart);
        Duration delay = delay(restart);
        progress.accept(String.format("%s exited with code %d; restarting in %d s (restart %d)",
                label, code, delay.toSeconds(), restart));
        scheduler.schedule(() -> restart(instance, process, label), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(ServiceInstance instance, ServiceProcess dead, String label) {
        ServiceProcess fresh;
        try {
            fresh = owner.respawn(instance, dead);
        } catch (IOException | RuntimeException e) {
            owner.forget(instance, dead);
            progress.accept(label + " could not be restarted: " + e.getMessage());
            return;
        }
        if (fresh == null) {
            return; // stopped meanwhile, or the stack is closing
        }
        // readiness is awaited beside the scheduler: another instance may exit meanwhile
        Thread await = new Thread(() -> {
            long started = System.nanoTime();
            try {
                fresh.awaitReady(readyTimeout);
                progress.accept(String.format("%s is back (ready in %.1f s)", label, (System.nanoTime() - started) / 1e9));
            } catch (IOException e) {
                // an exit is handled by its own onExit; a hang past the timeout is only reported
                if (fresh.isAlive()) {
                    progress.accept(label + " restarted but not ready: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }, "devstack-await-" + instance.id());
        await.setDaemon(true);
        await.start();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
