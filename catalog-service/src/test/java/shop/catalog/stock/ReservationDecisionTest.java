package shop.catalog.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.ReservationDecision.Candidate;
import shop.catalog.stock.ReservationDecision.Reject;
import shop.catalog.stock.ReservationDecision.Reserve;
import shop.contracts.catalog.StockReply.ShortLine;
import shop.contracts.orders.OrderLine;

/** Every outcome of the reservation decision, without a database: all lines or none. */
class ReservationDecisionTest {

    @Test
    void everyLineWithEnoughAvailableIsReserved() {
        Reserve reserve = reserve(List.of(line(2, 3), line(1, 1)),
                Map.of(1L, orderable(5, 0), 2L, orderable(10, 7)));
        assertEquals(new TreeMap<>(Map.of(1L, 1, 2L, 3)), reserve.units());
        assertEquals(List.of(1L, 2L), List.copyOf(reserve.units().keySet()), "in lock (variant id) order");
    }

    @Test
    void exactlyWhatIsAvailableCanBeReserved() {
        assertEquals(Map.of(1L, 4), reserve(List.of(line(1, 4)), Map.of(1L, orderable(6, 2))).units());
    }

    @Test
    void linesOfTheSameVariantAreOneDemand() {
        assertEquals(Map.of(1L, 5), reserve(List.of(line(1, 2), line(1, 3)), Map.of(1L, orderable(5, 0))).units());
        assertEquals(List.of(new ShortLine(1, 6, 5, ReservationDecision.INSUFFICIENT)),
                reject(List.of(line(1, 3), line(1, 3)), Map.of(1L, orderable(5, 0))).shortLines());
    }

    @Test
    void oneShortLineRejectsTheWholeOrderAndListsOnlyTheShortLines() {
        Reject reject = reject(List.of(line(1, 2), line(2, 4)), Map.of(1L, orderable(5, 0), 2L, orderable(5, 2)));
        assertEquals(List.of(new ShortLine(2, 4, 3, ReservationDecision.INSUFFICIENT)), reject.shortLines());
    }

    @Test
    void anUnknownVariantIsShortWithNothingAvailable() {
        assertEquals(List.of(new ShortLine(9, 1, 0, ReservationDecision.UNKNOWN)),
                reject(List.of(line(9, 1)), Map.of()).shortLines());
    }

    @Test
    void anUnorderableVariantIsInactiveWhateverItsStock() {
        assertEquals(List.of(new ShortLine(1, 1, 0, ReservationDecision.INACTIVE)),
                reject(List.of(line(1, 1)), Map.of(1L, new Candidate(new StockFigures(100, 0), false))).shortLines());
    }

    @Test
    void aSumThatDoesNotFitNextToTheReservedUnitsIsTooLarge() {
        Reject reject = reject(List.of(line(1, Integer.MAX_VALUE), line(1, Integer.MAX_VALUE)),
                Map.of(1L, orderable(5, 0)));
        assertEquals(List.of(new ShortLine(1, Integer.MAX_VALUE, 5, ReservationDecision.TOO_LARGE)), reject.shortLines());
        assertEquals(List.of(new ShortLine(1, 2, 1, ReservationDecision.TOO_LARGE)),
                reject(List.of(line(1, 2)), Map.of(1L, orderable(Integer.MAX_VALUE, Integer.MAX_VALUE - 1))).shortLines());
    }

    @Test
    void everyShortLineIsListedInVariantIdOrder() {
        Reject reject = reject(List.of(line(3, 1), line(2, 9), line(1, 1)),
                Map.of(1L, new Candidate(new StockFigures(5, 0), false), 2L, orderable(1, 0)));
        assertEquals(List.of(new ShortLine(1, 1, 0, ReservationDecision.INACTIVE),
                new ShortLine(2, 9, 1, ReservationDecision.INSUFFICIENT),
                new ShortLine(3, 1, 0, ReservationDecision.UNKNOWN)), reject.shortLines());
    }

    @Test
    void reservedUnitsBeyondOnHandLeaveNothingAvailable() {
        assertEquals(List.of(new ShortLine(1, 1, 0, ReservationDecision.INSUFFICIENT)),
                reject(List.of(line(1, 1)), Map.of(1L, orderable(2, 3))).shortLines());
    }

    private static Reserve reserve(List<OrderLine> lines, Map<Long, Candidate> variants) {
        return assertInstanceOf(Reserve.class, ReservationDecision.decide(lines, variants));
    }

    private static Reject reject(List<OrderLine> lines, Map<Long, Candidate> variants) {
        return assertInstanceOf(Reject.class, ReservationDecision.decide(lines, variants));
    }

    private static Candidate orderable(int onHand, int reserved) {
        return new Candidate(new StockFigures(onHand, reserved), true);
    }

    private static OrderLine line(long variantId, int quantity) {
        return new OrderLine(variantId, 1, null, quantity, null);
    }
}
