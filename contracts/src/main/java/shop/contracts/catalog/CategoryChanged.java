package shop.contracts.catalog;

/** Payload of CategoryCreated / CategoryUpdated / CategoryDeleted on {@code catalog.categories}. */
public record CategoryChanged(long categoryId, String name, Long parentId) {
    public static final String CREATED = "CategoryCreated";
    public static final String UPDATED = "CategoryUpdated";
    public static final String DELETED = "CategoryDeleted";
    public static final int VERSION = 1;
}
