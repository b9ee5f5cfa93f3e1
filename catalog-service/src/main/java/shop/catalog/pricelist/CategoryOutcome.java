package shop.catalog.pricelist;

/**
 * What became of one of a price list's categories, in the import's answer and its job's report:
 * {@code listId} and {@code name} as the list gives them, {@code categoryId} and {@code categoryName} the
 * catalog's (null for a category no offer refers to, which is neither matched nor created).
 */
public record CategoryOutcome(String listId, String name, Long categoryId, String categoryName) {
}
