package shop.catalog.pricelist;

/** What an applied price list changed: offers created, updated, withdrawn (hidden) and left as they were. */
public record ImportSummary(int offers, int created, int updated, int withdrawn, int unchanged) {
}
