package shop.orders.status;

import java.util.Arrays;
import java.util.Optional;

/**
 * The system statuses of an order (seeded in {@code order_status} with {@code system = true}): the ones
 * the platform's rules are about. Staff-defined statuses have no constant here; which status may follow
 * which is configured in {@code order_status_transition} ({@link ConfiguredTransitions}).
 */
public enum SystemStatus {
    NEW("new"),
    CONFIRMED("confirmed"),
    REJECTED("rejected"),
    PAID("paid"),
    SHIPPED("shipped"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String code;

    SystemStatus(String code) {
        this.code = code;
    }

    /** The code stored in the database and shown in the API. */
    public String code() {
        return code;
    }

    /** Only the stock saga sets these: staff setting them would skip the reservation. */
    public boolean sagaOnly() {
        return this == NEW || this == CONFIRMED || this == REJECTED;
    }

    /** Nothing follows these. */
    public boolean isFinal() {
        return this == REJECTED || this == DELIVERED || this == CANCELLED;
    }

    /** Whether {@code code} is this status. */
    public boolean is(String code) {
        return this.code.equals(code);
    }

    /** The system status with this code; empty for a staff-defined one (or an unknown code). */
    public static Optional<SystemStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Whether {@code code} is a system status after which nothing follows. */
    public static boolean isFinal(String code) {
        return of(code).map(SystemStatus::isFinal).orElse(false);
    }

    /** Whether {@code code} is a status only the stock saga sets. */
    public static boolean sagaOnly(String code) {
        return of(code).map(SystemStatus::sagaOnly).orElse(false);
    }
}
