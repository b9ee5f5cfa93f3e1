package shop.analytics.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Counters of live events, kept in the analytics database so they survive restarts. */
@ApplicationScoped
public class LiveCounters {
    public static final String CATEGORIES_CREATED = "categories.created";
    public static final String REQUESTS_OBSERVED = "requests.observed";

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(String name) {
        add(name, 1);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String name, long amount) {
        em.createNativeQuery("""
                        insert into live_counter (name, value) values (:name, :amount)
                        on conflict (name) do update set value = live_counter.value + excluded.value""")
                .setParameter("name", name)
                .setParameter("amount", amount)
                .executeUpdate();
    }

    public long value(String name) {
        List<?> values = em.createNativeQuery("select value from live_counter where name = :name")
                .setParameter("name", name).getResultList();
        return values.isEmpty() ? 0 : ((Number) values.get(0)).longValue();
    }
}
