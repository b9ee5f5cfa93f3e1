package shop.catalog.stock;

/**
 * A variant's stock as the saga moves it: units on hand and units held for placed orders. Every move is
 * checked arithmetic: it throws {@link ArithmeticException} (and changes nothing, the figures are
 * immutable) when a figure would leave the {@code int} range.
 */
record StockFigures(int onHand, int reserved) {

    /** What an order may still take; never negative. */
    int available() {
        return Math.max(0, onHand - reserved);
    }

    /** An order holds the units. */
    StockFigures reserve(int units) {
        return new StockFigures(onHand, Math.addExact(reserved, units));
    }

    /** A cancelled order's hold ends; the units are available again. */
    StockFigures release(int units) {
        return new StockFigures(onHand, Math.subtractExact(reserved, units));
    }

    /** A paid order takes what it held: the units leave both figures. */
    StockFigures sell(int units) {
        return new StockFigures(Math.subtractExact(onHand, units), Math.subtractExact(reserved, units));
    }

    /** What a cancelled paid order bought (and that never left the shop) is back on hand. */
    StockFigures takeBack(int units) {
        return new StockFigures(Math.addExact(onHand, units), reserved);
    }

    /** A delivery (seed 003 /shop/delivery) brings new units: on hand grows, what is held stays. */
    StockFigures deliver(int units) {
        return new StockFigures(Math.addExact(onHand, units), reserved);
    }
}
