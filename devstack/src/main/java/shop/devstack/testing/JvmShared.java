package shop.devstack.testing;

import java.util.function.Supplier;

/**
 * State shared by everything in one test JVM.
 *
 * <p>Quarkus may load these classes more than once (one class loader per application start, the
 * test class in yet another), so a plain static field is not "once per JVM". The shared facts
 * (ports, key directory) therefore live in system properties, and the lock is an interned string,
 * which every class loader sees as the same object.
 */
final class JvmShared {

    private JvmShared() {
    }

    /** The value stored under {@code key}, computed and stored by the first caller in this JVM. */
    static String getOrCreate(String key, Supplier<String> create) {
        synchronized (key.intern()) {
            String value = System.getProperty(key);
            if (value == null) {
                value = create.get();
                System.setProperty(key, value);
            }
            return value;
        }
    }

    /** The next number of a JVM-wide counter, starting at 1. */
    static int next(String counterKey) {
        synchronized (counterKey.intern()) {
            int next = Integer.parseInt(System.getProperty(counterKey, "0")) + 1;
            System.setProperty(counterKey, Integer.toString(next));
            return next;
        }
    }

    static String require(String key, String hint) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("not started: " + hint);
        }
        return value;
    }

    static void onExit(String name, Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(action, "devstack-stop-" + name));
    }
}
