package shop.orders.order;

import java.util.ArrayList;
import java.util.List;
import shop.commons.domain.Invalid;

/** Parsing of list filters shared by the order, history and supplier lists. */
public final class OrderQuery {
    private OrderQuery() {
    }


    /** {@code ids=1,2,3}; null when absent. */
    public static List<Long> ids(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                long id = Long.parseLong(part.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new Invalid("ids: must be positive order ids separated by commas, e.g. 1,2,3");
            }
        }
        if (ids.size() > 200) {
            throw new Invalid("ids: at most 200 ids");
        }
        return ids;
    }
}
