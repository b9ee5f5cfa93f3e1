package shop.gateway.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service and the choice among them for each request: <b>least outstanding
 * requests</b> (sent, response not begun), ties broken round robin. With equal instances and light
 * load that is plain round robin; when one instance is slower (JIT still warming after a restart, a GC
 * pause, a neighbour taking the CPU) its requests pile up and it gets fewer new ones, where round robin
 * would keep feeding it its share. The cost per request is one atomic increment (the round-robin
 * start), a read of each instance's count and flags (there are a handful), and the count's increment
 * and decrement: no lock, no allocation.
 *
 * <p>Which instances are candidates, in order:
 * <ol>
 * <li>in rotation (readiness passed, no failed connection since) and breaker closed;</li>
 * <li>none: every instance whose breaker is closed, ready or not. Readiness steers traffic between
 * instances; when none is ready the gateway does not know better than the services and lets them
 * answer, as it did before it balanced (a single instance is never refused for its readiness);</li>
 * <li>none: an instance whose breaker allows its probe;</li>
 * <li>none: the service is unavailable (503 with Retry-After).</li>
 * </ol>
 */
public final class UpstreamInstances {

    private final Upstream upstream;
    private final UpstreamInstance[] instances;
    private final List<UpstreamInstance> list;
    private final AtomicInteger nextStart = new AtomicInteger();

    UpstreamInstances(Upstream upstream, List<UpstreamInstance> instances) {
        this.upstream = upstream;
        this.list = List.copyOf(instances);
        this.instances = list.toArray(new UpstreamInstance[0]);
    }

    public Upstream upstream() {
        return upstream;
    }

    /** In the order of the URL list. */
    public List<UpstreamInstance> list() {
        return list;
    }

    public int size() {
        return instances.length;
    }

    /**
     * The instance for the next attempt of a request, or null when none may be asked.
     *
     * @param excluded bit {@code i} set: instance {@code i} was tried already by this request
     */
    UpstreamInstance pick(long excluded) {
        int n = instances.length;
        if (n == 1) {
            UpstreamInstance only = instances[0];
            return (excluded & 1L) == 0 && only.breaker.tryAcquire() ? only : null;
        }
        int start = (nextStart.getAndIncrement() & Integer.MAX_VALUE) % n;
        UpstreamInstance chosen = leastOutstanding(start, excluded, true);
        if (chosen == null) {
            chosen = leastOutstanding(start, excluded, false);
        }
        if (chosen == null) {
            for (int k = 0; k < n; k++) {
                UpstreamInstance instance = instances[(start + k) % n];
                if ((excluded & (1L << instance.index())) == 0 && instance.breaker.tryAcquire()) {
                    return instance;
                }
            }
        }
        return chosen;
    }

    private UpstreamInstance leastOutstanding(int start, long excluded, boolean readyOnly) {
        int n = instances.length;
        UpstreamInstance best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            UpstreamInstance instance = instances[(start + k) % n];
            if ((excluded & (1L << instance.index())) != 0 || !instance.breaker.isClosed()
                    || (readyOnly && !instance.ready())) {
                continue;
            }
            int load = instance.outstanding();
            if (load < bestLoad) {
                best = instance;
                bestLoad = load;
            }
        }
        return best;
    }

    /** When the first instance may be probed again (every breaker open): for Retry-After. */
    long retryAfterSeconds() {
        long soonest = Long.MAX_VALUE;
        for (UpstreamInstance instance : instances) {
            soonest = Math.min(soonest, instance.breaker.retryAfterSeconds());
        }
        return soonest;
    }

    /** An instance for the gateway's own calls (API documents): the first in rotation, else the first. */
    public UpstreamInstance preferred() {
        for (UpstreamInstance instance : instances) {
            if (instance.ready() && instance.breaker.isClosed()) {
                return instance;
            }
        }
        return instances[0];
    }
}
