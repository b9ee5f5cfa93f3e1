package shop.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {
    /** A query over {@code rows} that remembers the range it was asked for. */
    @SuppressWarnings("unchecked")
    private static PanacheQuery<Integer> query(List<Integer> rows, int[] range) {
        return (PanacheQuery<Integer>) Proxy.newProxyInstance(PagingTest.class.getClassLoader(),
                new Class<?>[] {PanacheQuery.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "count" -> (long) rows.size();
                    case "range" -> {
                        range[0] = (int) args[0];
                        range[1] = (int) args[1];
                        yield proxy;
                    }
                    case "list" -> new ArrayList<>(rows.subList(Math.min(range[0], rows.size()),
                            Math.min(range[1] + 1, rows.size())));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void asksForLimitRowsFromTheOffsetAndCountsEveryMatch() {
        int[] range = new int[2];
        Page<String> page = Paging.page(query(List.of(1, 2, 3, 4, 5), range), new PageParams(2, 1), i -> "#" + i);
        assertEquals(1, range[0]);
        assertEquals(2, range[1]);
        assertEquals(List.of("#2", "#3"), page.items());
        assertEquals(5, page.total());
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithTheTotal() {
        Page<Integer> page = Paging.page(query(List.of(1, 2, 3), new int[2]), new PageParams(20, 40), i -> i);
        assertEquals(List.of(), page.items());
        assertEquals(3, page.total());
    }

    @Test
    void anOffsetNearTheLargestIntDoesNotWrapAround() {
        assertEquals(Integer.MAX_VALUE, Paging.lastIndex(new PageParams(200, Integer.MAX_VALUE - 10)));
        assertEquals(19, Paging.lastIndex(new PageParams()));
    }
}
