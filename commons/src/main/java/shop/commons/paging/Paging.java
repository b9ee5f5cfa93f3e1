package shop.commons.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.function.Function;

/**
 * The one way a list endpoint answers a page: {@code Paging.page(Entity.find(..., sort), page, View::of)}.
 * The query carries the filter and the order (a stable one: end it with the id); the total counts every
 * match of the same query (Panache drops the order for the count).
 */
public final class Paging {
    private Paging() {
    }

    /** {@code page.limit} rows from {@code page.offset} of the query, each shown as {@code view}, and the total. */
    public static <E, V> Page<V> page(PanacheQuery<E> query, PageParams page, Function<? super E, ? extends V> view) {
        long total = query.count();
        return new Page<>(query.range(page.offset, lastIndex(page)).list().stream().<V>map(view).toList(), total);
    }

    /** The index of the page's last row; capped, so an offset near the largest int does not wrap around. */
    static int lastIndex(PageParams page) {
        return (int) Math.min(Integer.MAX_VALUE, (long) page.offset + page.limit - 1);
    }
}
