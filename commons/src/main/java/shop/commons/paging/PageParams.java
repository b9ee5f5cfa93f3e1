package shop.commons.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?limit=&offset=} of a list endpoint; use as {@code @BeanParam @Valid PageParams page}. */
public class PageParams {
    public static final int MAX_LIMIT = 200;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
    public int limit = 20;

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(value = 0, message = "must not be negative")
    public int offset;

    public PageParams() {
    }

    public PageParams(int limit, int offset) {
        this.limit = limit;
        this.offset = offset;
    }
}
