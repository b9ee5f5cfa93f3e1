package shop.gateway.routing;

import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One running instance of a service (one URL of {@code shop.services.<key>.url}): where it is, whether
 * it is in rotation, its own circuit breaker, and how many requests it is working on. Read on every
 * request, so nothing here takes a lock: the readiness flag is volatile, the count atomic.
 *
 * <p>In rotation ({@link #ready()}) until a readiness check fails or a connection to it fails
 * (passive ejection); back when a readiness check passes again, which also closes its breaker (it
 * answered, so it can be reached).
 */
public final class UpstreamInstance {

    private static final Logger LOG = Logger.getLogger(UpstreamInstance.class);

    private final Upstream upstream;
    private final int index;
    private final String name;
    private final URI url;
    final RequestOptions target;
    final CircuitBreaker breaker;
    /** Requests sent to it whose response has not begun yet (what least-outstanding balancing compares). */
    private final AtomicInteger outstanding = new AtomicInteger();
    /** One of several: only then is there a choice to count for. */
    private final boolean balanced;
    private volatile boolean ready = true;

    UpstreamInstance(Upstream upstream, int index, int count, URI url, RequestOptions target, CircuitBreaker breaker) {
        this.upstream = upstream;
        this.index = index;
        this.name = count == 1 ? upstream.serviceName() : upstream.serviceName() + "#" + (index + 1);
        this.balanced = count > 1;
        this.url = url;
        this.target = target;
        this.breaker = breaker;
    }

    public Upstream upstream() {
        return upstream;
    }

    /** 0-based position in the service's URL list. */
    int index() {
        return index;
    }

    /**
     * {@code catalog-service#2} (1-based, in the order of the URL list); the service's name alone when
     * it has one instance. Public (health, logs): names no address.
     */
    public String name() {
        return name;
    }

    /** Its base URL: for the gateway's log and its own calls, never for public answers. */
    public URI url() {
        return url;
    }

    /** In rotation: its last readiness check passed and no connection to it has failed since. */
    public boolean ready() {
        return ready;
    }

    /**
     * The result of an active readiness check. A passed check puts the instance back in rotation and
     * closes its breaker. Logs when the state changes; {@code why} says why it is not ready.
     */
    public void readiness(boolean up, String why) {
        if (up) {
            breaker.onReachable();
        }
        boolean before = ready;
        ready = up;
        if (before != up) {
            if (up) {
                LOG.infof("%s is ready (%s)", name, url);
            } else {
                LOG.warnf("%s is not ready (%s): %s", name, url, why);
            }
        }
    }

    /** Passive ejection: connecting to it failed; out of rotation until a readiness check passes. */
    void connectFailed(Throwable cause) {
        if (ready) {
            ready = false;
            LOG.warnf("%s (%s) taken out of rotation until it is ready again: %s", name, url, cause.toString());
        }
    }

    int outstanding() {
        return outstanding.get();
    }

    void dispatched() {
        if (balanced) {
            outstanding.incrementAndGet();
        }
    }

    void answered() {
        if (balanced) {
            outstanding.decrementAndGet();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
