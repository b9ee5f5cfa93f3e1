package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/compositions")
public class CompositionResource extends DictionaryResource<Composition> {
    public CompositionResource() {
        super(Composition.class, "composition", 200);
    }

    @Override
    protected Composition newEntry() {
        return new Composition();
    }

    /** Deleting it would leave products without it. */
    @Override
    protected boolean inUse(Composition entry) {
        return shop.catalog.product.Product.count("compositionId", entry.id) > 0;
    }
}
