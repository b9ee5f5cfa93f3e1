package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/sizes")
public class SizeResource extends DictionaryResource<Size> {
    public SizeResource() {
        super(Size.class, "size");
    }

    @Override
    protected Size newEntry() {
        return new Size();
    }
}
