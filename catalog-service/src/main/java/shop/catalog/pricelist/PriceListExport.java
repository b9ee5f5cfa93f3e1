package shop.catalog.pricelist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import shop.catalog.category.Category;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.supplier.Supplier;

/**
 * A supplier's current offers in the seed 002 format, built from what the catalog holds now (names, prices,
 * parameters as staff may have edited them; model, recommended price and quantity as the last list gave
 * them), so importing the export changes nothing. Categories carry the catalog's ids and names.
 */
@ApplicationScoped
public class PriceListExport {
    @Inject
    EntityManager em;

    /** Money as a plain YAML number (110000.00), never as a tagged Java object. */
    private static final class PlainRepresenter extends Representer {
        PlainRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(BigDecimal.class, data -> representScalar(Tag.FLOAT, ((BigDecimal) data).toPlainString()));
        }
    }

    public String export(Supplier supplier) {
        List<Object[]> rows = em.createQuery("select o, p, v from SupplierOffer o, Product p, Variant v"
                        + " where o.supplierId = :s and o.withdrawnAt is null and p.id = o.productId and v.id = o.variantId"
                        // a product staff moved to another supplier is no longer this supplier's offer
                        + " and p.supplierId = :s"
                        + " and p.deletedAt is null and v.deletedAt is null order by o.id", Object[].class)
                .setParameter("s", supplier.id).getResultList();
        Map<Long, String> categories = new TreeMap<>();
        List<Map<String, Object>> goods = new ArrayList<>();
        for (Object[] row : rows) {
            SupplierOffer offer = (SupplierOffer) row[0];
            Product product = (Product) row[1];
            Variant variant = (Variant) row[2];
            categories.computeIfAbsent(product.categoryId, id -> Category.<Category>findById(id).name);
            Map<String, Object> item = new LinkedHashMap<>();
            // a plain number stays a number (as seed files have them), anything else stays text
            item.put("id", offer.offerId.matches("[1-9][0-9]{0,17}") ? (Object) Long.valueOf(offer.offerId) : offer.offerId);
            item.put("category", product.categoryId);
            if (offer.model != null) {
                item.put("model", offer.model);
            }
            item.put("name", product.name);
            item.put("price", variant.price);
            if (offer.priceRrc != null) {
                item.put("price_rrc", offer.priceRrc);
            }
            item.put("quantity", offer.quantity);
            if (!product.parameters.isEmpty()) {
                item.put("parameters", new TreeMap<>(product.parameters));
            }
            goods.add(item);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("shop", supplier.name);
        document.put("categories", categories.entrySet().stream()
                .map(c -> {
                    Map<String, Object> category = new LinkedHashMap<>();
                    category.put("id", c.getKey());
                    category.put("name", c.getValue());
                    return category;
                }).toList());
        document.put("goods", goods);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(200);
        return new Yaml(new PlainRepresenter(options), options).dump(document);
    }
}
