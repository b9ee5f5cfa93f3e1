package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/care-instructions")
public class CareInstructionResource extends DictionaryResource<CareInstruction> {
    public CareInstructionResource() {
        super(CareInstruction.class, "care instruction");
    }

    @Override
    protected CareInstruction newEntry() {
        return new CareInstruction();
    }
}
