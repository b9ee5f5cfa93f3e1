package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/materials")
public class MaterialResource extends DictionaryResource<Material> {
    public MaterialResource() {
        super(Material.class, "material");
    }

    @Override
    protected Material newEntry() {
        return new Material();
    }
}
