package shop.catalog.supplier;

import java.util.List;

/** A supplier with visible products whose name matches, and per category how many match. */
public record SupplierSearchHit(long id, String name, List<CategoryHit> categories) {
    public record CategoryHit(long id, String name, long products) {
    }
}
