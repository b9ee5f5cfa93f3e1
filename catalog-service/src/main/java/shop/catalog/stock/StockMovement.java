package shop.catalog.stock;

import java.util.List;

/**
 * How an order's reservation rows move after the order was placed, and what each move does to the
 * variant's stock. Which moves an order event makes is decided here: the participant only finds the rows
 * in the {@link #from} states, applies the moves and writes the result.
 */
enum StockMovement {
    /** OrderCancelled: what is still held goes back to available. */
    RELEASE(StockReservation.RESERVED, StockReservation.RELEASED),
    /** OrderPaid: the hold becomes a sale. */
    SELL(StockReservation.RESERVED, StockReservation.SOLD),
    /** OrderCancelled of a paid order whose goods never left the shop: what it bought is back on hand. */
    RETURN(StockReservation.SOLD, StockReservation.RETURNED);

    final String from;
    final String to;

    StockMovement(String from, String to) {
        this.from = from;
        this.to = to;
    }

    /** The figures after moving {@code units} of one reservation row; throws ArithmeticException on overflow. */
    StockFigures apply(StockFigures stock, int units) {
        return switch (this) {
            case RELEASE -> stock.release(units);
            case SELL -> stock.sell(units);
            case RETURN -> stock.takeBack(units);
        };
    }

    /** A cancellation releases the hold; what was sold comes back unless the goods have left the shop. */
    static List<StockMovement> onCancel(boolean goodsShipped) {
        return goodsShipped ? List.of(RELEASE) : List.of(RELEASE, RETURN);
    }

    /** A payment turns the hold into a sale. */
    static List<StockMovement> onPaid() {
        return List.of(SELL);
    }
}
