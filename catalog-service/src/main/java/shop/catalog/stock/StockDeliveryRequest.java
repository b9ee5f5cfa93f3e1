package shop.catalog.stock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import shop.catalog.product.Variant;
import shop.commons.domain.Invalid;

/**
 * {@code {"deliveryId": "...", "lines": [{"variantId": 1, "quantity": 5}]}}, checked. A variant appears at
 * most once: a delivery is compared with its repetition line by line, and two lines of one variant would
 * make "the same body" ambiguous.
 *
 * @param lines quantity per variant id, in variant id order (the order the rows are locked in)
 */
record StockDeliveryRequest(String deliveryId, Map<Long, Integer> lines) {
    static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final int MAX_LINES = 500;

    static StockDeliveryRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Invalid.field("body", "must be a JSON object {\"deliveryId\": ..., \"lines\": [...]}");
        }
        List<Invalid.Field> errors = new ArrayList<>();
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("deliveryId") && !name.equals("lines")) {
                errors.add(new Invalid.Field(name, "unknown field"));
            }
        }
        JsonNode id = body.get("deliveryId");
        String deliveryId = null;
        if (id == null || !id.isTextual() || !DELIVERY_ID.matcher(id.asText()).matches()) {
            errors.add(new Invalid.Field("deliveryId",
                    "must be 1 to 100 letters, digits or . _ : - (chosen by the client, unique per delivery)"));
        } else {
            deliveryId = id.asText();
        }
        Map<Long, Integer> lines = new TreeMap<>();
        JsonNode items = body.get("lines");
        if (items == null || !items.isArray() || items.isEmpty()) {
            errors.add(new Invalid.Field("lines", "must be a non-empty array of {\"variantId\", \"quantity\"}"));
        } else if (items.size() > MAX_LINES) {
            errors.add(new Invalid.Field("lines", "at most " + MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                line(items.get(i), "lines[" + i + "]", lines, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw Invalid.validation(errors);
        }
        return new StockDeliveryRequest(deliveryId, lines);
    }

    private static void line(JsonNode item, String at, Map<Long, Integer> lines, List<Invalid.Field> errors) {
        if (item == null || !item.isObject()) {
            errors.add(new Invalid.Field(at, "must be an object {\"variantId\", \"quantity\"}"));
            return;
        }
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("variantId") && !name.equals("quantity")) {
                errors.add(new Invalid.Field(at + "." + name, "unknown field"));
            }
        }
        JsonNode variant = item.get("variantId");
        JsonNode quantity = item.get("quantity");
        boolean good = true;
        if (variant == null || !variant.isIntegralNumber() || !variant.canConvertToLong() || variant.asLong() <= 0) {
            errors.add(new Invalid.Field(at + ".variantId", "must be a positive integer id"));
            good = false;
        }
        if (quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.asInt() <= 0
                || quantity.asInt() > Variant.MAX_ON_HAND) {
            errors.add(new Invalid.Field(at + ".quantity", "must be a whole number from 1 to " + Variant.MAX_ON_HAND));
            good = false;
        }
        if (good && lines.putIfAbsent(variant.asLong(), quantity.asInt()) != null) {
            errors.add(new Invalid.Field(at + ".variantId", "variant " + variant.asLong()
                    + " is in the delivery twice: give it one line with the whole quantity"));
        }
    }
}
