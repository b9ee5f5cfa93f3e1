package shop.catalog.dictionary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import shop.catalog.product.VariantEvents;

@Path("/api/catalog/sizes")
public class SizeResource extends DictionaryResource<Size> {
    @Inject
    VariantEvents events;

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

    /** Variant states carry the size's name: its variants go out again with the new one. */
    @Override
    protected void renamed(Size entry) {
        events.publishUsing("size_id", entry.id);
    }
}
