package shop.commons.paging;

import java.util.List;

/** One page of a list: {@code {"items": [...], "total": N}}, total counting every match. */
public record Page<T>(List<T> items, long total) {
}
