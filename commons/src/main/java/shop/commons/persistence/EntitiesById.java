package shop.commons.persistence;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Entities by primary key, for the hot paths that load a few of them (an order's variants and products).
 *
 * <p>Why not {@code list("id in ?1", ids)}: Hibernate translates a query with a list parameter to SQL again
 * on every call (its SQL depends on the list's length), and so does its array-parameter multi-load; in the
 * order bench that translation was 5–7 % of order-service's and catalog-service's CPU (docs/benchmarks.md).
 * A load by one primary key uses SQL Hibernate built once at start. So up to {@link #ONE_BY_ONE} ids are
 * loaded one by one (a few short statements), more in one multi-load statement.
 */
public final class EntitiesById {
    public static final int ONE_BY_ONE = 8;

    private EntitiesById() {
    }

    /** The entities of {@code type} with these ids, by id; ids without a row are absent. */
    public static <T, K> Map<K, T> find(EntityManager em, Class<T> type, Collection<K> ids, Function<T, K> idOf) {
        Set<K> distinct = new LinkedHashSet<>(ids);
        List<T> found = distinct.size() <= ONE_BY_ONE
                ? distinct.stream().map(id -> em.find(type, id)).toList()
                : em.unwrap(Session.class).byMultipleIds(type).multiLoad(List.copyOf(distinct));
        return found.stream().filter(Objects::nonNull).collect(Collectors.toMap(idOf, Function.identity()));
    }
}
