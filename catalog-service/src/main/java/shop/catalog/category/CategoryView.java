package shop.catalog.category;

public record CategoryView(long id, String name, Long parentId) {
    static CategoryView of(Category c) {
        return new CategoryView(c.id, c.name, c.parentId);
    }
}
