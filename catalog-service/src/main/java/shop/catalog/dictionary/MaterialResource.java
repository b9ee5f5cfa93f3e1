package shop.catalog.dictionary;

import jakarta.ws.rs.Path;

@Path("/api/catalog/materials")
public class MaterialResource extends DictionaryResource<Material> {
    public MaterialResource() {
        super(Material.class, "material", 200);
    }

    @Override
    protected Material newEntry() {
        return new Material();
    }

    /** Deleting it would leave products without it. */
    @Override
    protected boolean inUse(Material entry) {
        return ((Number) em.createNativeQuery("select count(*) from product_material where material_id = ?1")
                .setParameter(1, entry.id).getSingleResult()).longValue() > 0;
    }
}
