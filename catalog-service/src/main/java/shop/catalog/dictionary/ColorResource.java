package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/colors")
public class ColorResource extends DictionaryResource<Color> {
    public ColorResource() {
        super(Color.class, "colour", 100);
    }

    @Override
    protected Color newEntry() {
        return new Color();
    }

    /** Deleting it would leave variants without it. */
    @Override
    protected boolean inUse(Color entry) {
        return shop.catalog.product.Variant.count("colorId", entry.id) > 0;
    }
}
