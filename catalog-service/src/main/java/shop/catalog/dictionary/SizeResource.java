package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/sizes")
public class SizeResource extends DictionaryResource<Size> {
    public SizeResource() {
        super(Size.class, "size", 50);
    }

    @Override
    protected Size newEntry() {
        return new Size();
    }

    /** Deleting it would leave variants without it. */
    @Override
    protected boolean inUse(Size entry) {
        return shop.catalog.product.Variant.count("sizeId", entry.id) > 0;
    }
}
