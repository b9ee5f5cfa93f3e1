package shop.catalog.cache;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Catalog writes of the other catalog instances, so that every instance's kept answers
 * ({@link RenderedAnswers}) die when any instance commits a catalog change, not only its own.
 *
 * <p>After each commit that wrote catalog data, {@link #committed()} sends PostgreSQL
 * {@code NOTIFY catalog_changed} (from a pooled connection, on a thread of its own, one for a burst of
 * commits). Every instance keeps one connection of its own {@code LISTEN}ing and moves its generation on
 * each notification of another instance. PostgreSQL delivers a notification only after the sender's commit,
 * and a few milliseconds after it; so another instance may serve the page from before a commit for those
 * milliseconds, while the instance that committed (whose answer its caller reads next) never does.
 *
 * <p>A notification sent while the listening connection is down is lost and cannot be replayed, so an
 * instance that is not listening keeps no answers and serves none ({@link #inSync()}); from the moment
 * it listens again, it keeps answers as before. With one instance this costs one idle connection.
 */
@ApplicationScoped
public class PeerCatalogChanges {
    public static final String CHANNEL = "catalog_changed";
    private static final Logger LOG = Logger.getLogger(PeerCatalogChanges.class);
    private static final Duration MAX_RECONNECT_WAIT = Duration.ofSeconds(10);
    private static final Duration PING_EVERY = Duration.ofSeconds(10);

    @Inject
    CatalogGeneration generation;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** Tells this instance's notifications from the others' (they need no second move of the generation). */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile Connection listener;
    private ExecutorService notifier;
    private Thread listenerThread;

    void start(@Observes StartupEvent event) {
        notifier = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "catalog-changes-notify"));
        listenerThread = daemon(this::listen, "catalog-changes-listen");
        listenerThread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        listening.set(false);
        if (notifier != null) {
            notifier.shutdownNow();
        }
        closeListener();
        if (listenerThread != null) {
            listenerThread.interrupt();
        }
    }

    /** Whether this instance hears every other instance's commits now: only then may answers be kept and served. */
    public boolean inSync() {
        return listening.get();
    }

    /** A transaction of this instance committed catalog data: tell the others (soon, not in the caller's thread). */
    public void committed() {
        if (notifier != null && !stopped && notifyPending.compareAndSet(false, true)) {
            try {
                notifier.execute(this::sendNotification);
            } catch (RuntimeException e) { // shutting down
                notifyPending.set(false);
            }
        }
    }

    private void sendNotification() {
        notifyPending.set(false); // a commit from now on asks for another notification
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, instance);
            notify.execute();
        } catch (SQLException e) {
            // the others keep pages of before this commit until their next notification; they also drop
            // everything when their own listening connection fails, which an unreachable database causes
            LOG.warnf("could not tell the other catalog instances of a change: %s", e.getMessage());
        }
    }

    private void listen() {
        long waitMillis = 500;
        while (!stopped) {
            try (Connection connection = connect()) {
                listener = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // a commit of another instance while we were not listening is unknown: forget what is kept
                generation.changedElsewhere();
                listening.set(true);
                waitMillis = 500;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long lastPing = System.nanoTime();
                while (!stopped) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (System.nanoTime() - lastPing > PING_EVERY.toNanos()) {
                        // waiting for notifications sends nothing, so a connection the database side lost
                        // without closing it would look idle for ever: a round trip shows it
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                        lastPing = System.nanoTime();
                    }
                    if (received != null) {
                        for (PGNotification notification : received) {
                            if (!instance.equals(notification.getParameter())) {
                                generation.changedElsewhere();
                                break;
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warnf("not listening to the other catalog instances' changes (%s); no answers are kept until"
                        + " listening again in %d ms", e.getMessage(), waitMillis);
            } finally {
                listening.set(false);
                generation.changedElsewhere();
                listener = null;
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                return;
            }
            waitMillis = Math.min(waitMillis * 2, MAX_RECONNECT_WAIT.toMillis());
        }
    }

    /**
     * A connection of its own, outside the pool: it stays open as long as the service runs. The socket
     * timeout makes a database that vanished without closing the connection show as an error.
     */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "catalog-service changes listener");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private void closeListener() {
        Connection connection = listener;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the listening connection: %s", e.getMessage());
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
