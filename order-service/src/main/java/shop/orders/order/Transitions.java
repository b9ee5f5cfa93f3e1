package shop.orders.order;

import java.util.List;

/**
 * Which statuses exist and which may follow which, as configured (system and staff-defined). The order
 * aggregate asks it; {@code shop.orders.status.ConfiguredTransitions} answers from the database, tests
 * from a map.
 */
public interface Transitions {
    boolean exists(String status);

    boolean allowed(String from, String to);

    /** The statuses that may follow {@code from}, by code. */
    List<String> next(String from);
}
