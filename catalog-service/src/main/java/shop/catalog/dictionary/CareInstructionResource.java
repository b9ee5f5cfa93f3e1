package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/care-instructions")
public class CareInstructionResource extends DictionaryResource<CareInstruction> {
    public CareInstructionResource() {
        super(CareInstruction.class, "care instruction", 500);
    }

    @Override
    protected CareInstruction newEntry() {
        return new CareInstruction();
    }

    /** Deleting it would leave products without it. */
    @Override
    protected boolean inUse(CareInstruction entry) {
        return shop.catalog.product.Product.count("careId", entry.id) > 0;
    }
}
