package shop.customers.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.function.Function;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;

/** One page of a Panache query as {@code {items, total}}. */
public final class Pages {
    private Pages() {
    }

    public static <E, V> Page<V> of(PanacheQuery<E> query, PageParams page, Function<E, V> view) {
        long total = query.count();
        return new Page<>(query.range(page.offset, page.offset + page.limit - 1).list().stream().map(view).toList(), total);
    }
}
