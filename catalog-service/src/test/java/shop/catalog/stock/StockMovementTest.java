package shop.catalog.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each saga step does to a variant's stock, and which steps each order event takes (no database). */
class StockMovementTest {

    @Test
    void reservingHoldsUnitsAndLeavesOnHandAlone() {
        StockFigures after = new StockFigures(10, 2).reserve(3);
        assertEquals(new StockFigures(10, 5), after);
        assertEquals(5, after.available());
    }

    @Test
    void releasingGivesTheHeldUnitsBackToAvailable() {
        assertEquals(new StockFigures(10, 2), StockMovement.RELEASE.apply(new StockFigures(10, 5), 3));
    }

    @Test
    void sellingTakesTheUnitsFromOnHandAndReserved() {
        assertEquals(new StockFigures(7, 2), StockMovement.SELL.apply(new StockFigures(10, 5), 3));
    }

    @Test
    void returningPutsSoldUnitsBackOnHand() {
        assertEquals(new StockFigures(13, 5), StockMovement.RETURN.apply(new StockFigures(10, 5), 3));
    }

    @Test
    void aReservationMovesFromStateToState() {
        assertEquals(List.of(StockReservation.RESERVED, StockReservation.RELEASED),
                List.of(StockMovement.RELEASE.from, StockMovement.RELEASE.to));
        assertEquals(List.of(StockReservation.RESERVED, StockReservation.SOLD),
                List.of(StockMovement.SELL.from, StockMovement.SELL.to));
        assertEquals(List.of(StockReservation.SOLD, StockReservation.RETURNED),
                List.of(StockMovement.RETURN.from, StockMovement.RETURN.to));
    }

    @Test
    void aCancellationReleasesAndReturnsUnlessTheGoodsHaveLeft() {
        assertEquals(List.of(StockMovement.RELEASE, StockMovement.RETURN), StockMovement.onCancel(false));
        assertEquals(List.of(StockMovement.RELEASE), StockMovement.onCancel(true));
    }

    @Test
    void aPaymentSells() {
        assertEquals(List.of(StockMovement.SELL), StockMovement.onPaid());
    }

    @Test
    void aMoveThatWouldOverflowThrowsAndChangesNothing() {
        StockFigures top = new StockFigures(Integer.MAX_VALUE - 1, 0);
        assertThrows(ArithmeticException.class, () -> StockMovement.RETURN.apply(top, 2));
        assertEquals(new StockFigures(Integer.MAX_VALUE - 1, 0), top);
        assertThrows(ArithmeticException.class, () -> new StockFigures(5, Integer.MAX_VALUE).reserve(1));
        assertThrows(ArithmeticException.class, () -> StockMovement.SELL.apply(new StockFigures(Integer.MIN_VALUE, 0), 1));
    }

    @Test
    void availableIsNeverNegative() {
        assertEquals(0, new StockFigures(2, 5).available());
    }
}
