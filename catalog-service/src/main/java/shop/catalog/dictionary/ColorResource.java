package shop.catalog.dictionary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import shop.catalog.product.VariantEvents;

@Path("/api/catalog/colors")
public class ColorResource extends DictionaryResource<Color> {
    @Inject
    VariantEvents events;

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

    /** Variant states carry the colour's name and code: its variants go out again with the new one. */
    @Override
    protected void renamed(Color entry) {
        events.publishUsing("color_id", entry.id);
    }
}
