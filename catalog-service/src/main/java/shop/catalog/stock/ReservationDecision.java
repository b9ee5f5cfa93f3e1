package shop.catalog.stock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import shop.contracts.catalog.StockReply.ShortLine;
import shop.contracts.orders.OrderLine;

/**
 * Whether a placed order can be reserved, decided from the variants as their locked rows are: every line
 * or none. The participant locks the rows, asks here, and writes what the decision says; the rule itself
 * needs no database.
 *
 * <p>Lines of the same variant are one demand, summed as {@code long} so no sum of {@code int}s wraps
 * around. A line cannot be served when its variant is unknown, not orderable (catalog's
 * {@code Sellability}: removed, inactive, supplier not accepting orders — all said as {@code inactive}
 * here), would make its reserved figure overflow ({@code too-large}) or asks for more than is available
 * ({@code insufficient}).
 */
final class ReservationDecision {
    static final String INSUFFICIENT = "insufficient";
    static final String UNKNOWN = "unknown";
    static final String INACTIVE = "inactive";
    /** More than a stock figure can hold (an int): such an order line could never be served. */
    static final String TOO_LARGE = "too-large";

    /** A variant of the order as its locked row says: its stock and whether catalog sells it now. */
    record Candidate(StockFigures stock, boolean orderable) {
    }

    /** What to do with the order. */
    sealed interface Outcome permits Reserve, Reject {
    }

    /** Every line can be served: reserve these units per variant (in variant id order, the lock order). */
    record Reserve(SortedMap<Long, Integer> units) implements Outcome {
        Reserve {
            units = Collections.unmodifiableSortedMap(new TreeMap<>(units));
        }
    }

    /** Nothing is reserved; the lines that could not be served, in variant id order. */
    record Reject(List<ShortLine> shortLines) implements Outcome {
        Reject {
            shortLines = List.copyOf(shortLines);
        }
    }

    private ReservationDecision() {
    }

    /** The variant ids of the order, each once, in the order their rows must be locked. */
    static SortedMap<Long, Long> demand(List<OrderLine> lines) {
        SortedMap<Long, Long> wanted = new TreeMap<>();
        for (OrderLine line : lines) {
            wanted.merge(line.variantId(), (long) line.quantity(), Long::sum);
        }
        return wanted;
    }

    /**
     * @param variants the order's variants found, by id (an unknown variant is absent)
     */
    static Outcome decide(List<OrderLine> lines, Map<Long, Candidate> variants) {
        SortedMap<Long, Long> wanted = demand(lines);
        List<ShortLine> shortLines = new ArrayList<>();
        SortedMap<Long, Integer> units = new TreeMap<>();
        wanted.forEach((variantId, quantity) -> {
            Candidate variant = variants.get(variantId);
            int requested = (int) Math.min(quantity, Integer.MAX_VALUE);
            if (variant == null) {
                shortLines.add(new ShortLine(variantId, requested, 0, UNKNOWN));
            } else if (!variant.orderable()) {
                shortLines.add(new ShortLine(variantId, requested, 0, INACTIVE));
            } else if (quantity > Integer.MAX_VALUE - (long) variant.stock().reserved()) {
                // reserved + quantity would not fit the stock figure: a rejection, not an exception that stops the consumer
                shortLines.add(new ShortLine(variantId, requested, variant.stock().available(), TOO_LARGE));
            } else if (variant.stock().available() < quantity) {
                shortLines.add(new ShortLine(variantId, requested, variant.stock().available(), INSUFFICIENT));
            } else {
                units.put(variantId, (int) (long) quantity);
            }
        });
        return shortLines.isEmpty() ? new Reserve(units) : new Reject(shortLines);
    }
}
