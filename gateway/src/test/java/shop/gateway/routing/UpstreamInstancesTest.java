package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The balancer's choice: least outstanding, ties round robin, readiness, breakers, tried instances. */
class UpstreamInstancesTest {

    private final AtomicLong now = new AtomicLong();

    private UpstreamInstances instances(int count) {
        List<UpstreamInstance> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new UpstreamInstance(Upstream.CATALOG, i, count, URI.create("http://127.0.0.1:" + (10_000 + i)), null,
                    new CircuitBreaker(true, 2, Duration.ofSeconds(10), now::get)));
        }
        return new UpstreamInstances(Upstream.CATALOG, list);
    }

    private static Map<String, Integer> picks(UpstreamInstances instances, int count) {
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < count; i++) {
            picks.merge(instances.pick(0L).name(), 1, Integer::sum);
        }
        return picks;
    }

    @Test
    void names_number_the_instances_and_a_single_one_keeps_the_service_name() {
        assertEquals("catalog-service#2", instances(3).list().get(1).name());
        assertEquals("catalog-service", instances(1).list().get(0).name());
    }

    @Test
    void idle_instances_take_turns() {
        assertEquals(Map.of("catalog-service#1", 5, "catalog-service#2", 5, "catalog-service#3", 5), picks(instances(3), 15));
    }

    @Test
    void the_instance_with_the_fewest_requests_in_progress_is_chosen() {
        UpstreamInstances instances = instances(3);
        UpstreamInstance first = instances.list().get(0);
        UpstreamInstance second = instances.list().get(1);
        first.dispatched();
        first.dispatched();
        second.dispatched();
        assertEquals(Map.of("catalog-service#3", 6), picks(instances, 6));
        first.answered();
        first.answered();
        second.answered();
        assertEquals(3, picks(instances, 6).size());
    }

    @Test
    void an_instance_out_of_rotation_is_skipped_until_it_is_ready_again() {
        UpstreamInstances instances = instances(2);
        UpstreamInstance second = instances.list().get(1);
        second.readiness(false, "answered 503");
        assertEquals(Map.of("catalog-service#1", 4), picks(instances, 4));
        second.readiness(true, null);
        assertEquals(2, picks(instances, 4).size());

        second.connectFailed(new java.net.ConnectException("refused"));
        assertEquals(Map.of("catalog-service#1", 4), picks(instances, 4));
    }

    @Test
    void when_none_is_ready_every_instance_whose_breaker_is_closed_is_asked() {
        UpstreamInstances instances = instances(2);
        instances.list().forEach(instance -> instance.readiness(false, "answered 503"));
        assertEquals(2, picks(instances, 4).size());
    }

    @Test
    void instances_already_tried_are_not_chosen_again() {
        UpstreamInstances instances = instances(3);
        long triedFirstAndThird = 1L | 1L << 2;
        for (int i = 0; i < 5; i++) {
            assertSame(instances.list().get(1), instances.pick(triedFirstAndThird));
        }
        assertNull(instances.pick(0b111L));
    }

    @Test
    void with_every_breaker_open_none_is_chosen_until_a_probe_is_due() {
        UpstreamInstances instances = instances(2);
        for (UpstreamInstance instance : instances.list()) {
            instance.breaker.onConnectFailure();
            instance.breaker.onConnectFailure();
        }
        assertNull(instances.pick(0L));
        assertEquals(10, instances.retryAfterSeconds());

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        UpstreamInstance probe = instances.pick(0L);
        assertEquals(CircuitBreaker.State.HALF_OPEN, probe.breaker.state());
        // a passed readiness check closes the breaker
        instances.list().forEach(instance -> instance.readiness(true, null));
        assertEquals(2, picks(instances, 4).size());
    }

    @Test
    void a_single_instance_is_asked_whatever_its_readiness_while_its_breaker_allows() {
        UpstreamInstances instances = instances(1);
        UpstreamInstance only = instances.list().get(0);
        only.readiness(false, "answered 503");
        assertSame(only, instances.pick(0L));
        assertNull(instances.pick(1L));
        only.breaker.onConnectFailure();
        only.breaker.onConnectFailure();
        assertNull(instances.pick(0L));
    }
}
