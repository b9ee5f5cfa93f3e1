package shop.catalog.pricelist;

import java.util.List;

/**
 * What an applied price list changed: offers created, updated, withdrawn (hidden) and left as they were;
 * and its categories: created in the catalog (the catalog had no category of that name), mapped by name to
 * an existing one, and unused (no offer refers to them: nothing done).
 */
public record ImportSummary(int offers, int created, int updated, int withdrawn, int unchanged,
                            List<CategoryOutcome> categoriesCreated, List<CategoryOutcome> categoriesMapped,
                            List<CategoryOutcome> categoriesUnused) {
}
