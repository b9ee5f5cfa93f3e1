package shop.catalog.pricelist;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A price list as the seed 002 YAML gives it: {@code shop}, {@code categories[{id, name}]} and
 * {@code goods[{id, category, model, name, price, price_rrc, quantity, parameters}]}, each item with its line.
 */
public record PriceList(String shop, List<Category> categories, List<Offer> offers) {

    /** A category of the file: {@code id} is the file's own, goods refer to it; matched by name. */
    public record Category(String id, String name, int line) {
    }

    /** One of {@code goods}: {@code id} is the supplier's own offer id. */
    public record Offer(String id, String category, String model, String name, BigDecimal price,
                        BigDecimal priceRrc, int quantity, Map<String, String> parameters, int line) {
    }
}
