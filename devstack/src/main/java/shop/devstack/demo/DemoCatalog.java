package shop.devstack.demo;

import shop.devstack.demo.DemoImages.Shape;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * About thirty clothing products for {@code --demo}: each with a size run in one or two colours, stock,
 * some on sale, and a drawn picture. Products are keyed by their article ({@code DEMO-nnn}), so a second
 * run creates nothing new.
 */
final class DemoCatalog {

    private record Kind(String category, Shape shape, String material, String composition, String care) {
    }

    private record Item(Kind kind, String name, String description, String price, String salePrice, List<String> colours) {
    }

    private static final Kind DRESS = new Kind("Dresses", Shape.DRESS, "Linen", "100% cotton", "Hand wash only");
    private static final Kind SHIRT = new Kind("Shirts", Shape.SHIRT, "Cotton", "95% cotton, 5% elastane", "Machine wash at 30 °C");
    private static final Kind KNIT = new Kind("Knitwear", Shape.SWEATER, "Wool", "70% wool, 30% polyamide", "Hand wash only");
    private static final Kind TROUSERS = new Kind("Trousers", Shape.TROUSERS, "Cotton", "95% cotton, 5% elastane", "Machine wash at 30 °C");

    private static final List<Item> ITEMS = List.of(
            new Item(DRESS, "Summer linen dress", "Light linen dress for hot days", "4990.00", null, List.of("White", "Navy")),
            new Item(DRESS, "Платье льняное миди", "Льняное платье длины миди с поясом", "5490.00", "4390.00", List.of("White")),
            new Item(DRESS, "Evening silk dress", "Floor-length silk dress", "12990.00", null, List.of("Black", "Red")),
            new Item(DRESS, "Платье-рубашка", "Хлопковое платье-рубашка на пуговицах", "3990.00", null, List.of("Navy")),
            new Item(DRESS, "Wrap dress", "Wrap dress with short sleeves", "4590.00", "3490.00", List.of("Red")),
            new Item(DRESS, "Трикотажное платье", "Тёплое трикотажное платье на осень", "6290.00", null, List.of("Black")),
            new Item(DRESS, "Slip dress", "Bias-cut slip dress", "5990.00", null, List.of("Black", "White")),
            new Item(DRESS, "Платье в горошек", "Летнее платье в мелкий горошек", "3590.00", "2990.00", List.of("Navy", "Red")),
            new Item(SHIRT, "Oxford shirt", "Classic button-down oxford shirt", "2990.00", null, List.of("White", "Navy")),
            new Item(SHIRT, "Рубашка льняная", "Свободная льняная рубашка", "3290.00", null, List.of("White")),
            new Item(SHIRT, "Basic T-shirt", "Cotton crew-neck T-shirt", "990.00", "790.00", List.of("White", "Black", "Navy")),
            new Item(SHIRT, "Футболка базовая", "Хлопковая футболка с круглым вырезом", "890.00", null, List.of("Black", "Red")),
            new Item(SHIRT, "Polo shirt", "Pique polo shirt", "1990.00", null, List.of("Navy")),
            new Item(SHIRT, "Рубашка в клетку", "Фланелевая рубашка в клетку", "2590.00", "1990.00", List.of("Red")),
            new Item(SHIRT, "Denim shirt", "Washed denim shirt", "3490.00", null, List.of("Navy")),
            new Item(SHIRT, "Блузка шёлковая", "Шёлковая блузка с длинным рукавом", "4990.00", null, List.of("White", "Black")),
            new Item(KNIT, "Merino sweater", "Fine merino wool crew-neck sweater", "5990.00", null, List.of("Navy", "Black")),
            new Item(KNIT, "Свитер с горлом", "Тёплый свитер с высоким горлом", "6490.00", "4990.00", List.of("White")),
            new Item(KNIT, "Cardigan", "Button cardigan in soft wool", "5490.00", null, List.of("Red", "Navy")),
            new Item(KNIT, "Джемпер оверсайз", "Объёмный джемпер из шерсти", "5790.00", null, List.of("Black")),
            new Item(KNIT, "Cable-knit jumper", "Chunky cable-knit jumper", "6990.00", "5590.00", List.of("White")),
            new Item(KNIT, "Жилет вязаный", "Вязаный жилет без рукавов", "3290.00", null, List.of("Navy")),
            new Item(KNIT, "Knitted vest", "V-neck knitted vest", "2990.00", null, List.of("Red")),
            new Item(TROUSERS, "Chinos", "Slim cotton chinos", "3990.00", null, List.of("Navy", "Black")),
            new Item(TROUSERS, "Брюки льняные", "Лёгкие льняные брюки", "3790.00", "2990.00", List.of("White")),
            new Item(TROUSERS, "Straight jeans", "Straight-leg jeans", "4490.00", null, List.of("Navy")),
            new Item(TROUSERS, "Брюки классические", "Классические брюки со стрелками", "4990.00", null, List.of("Black")),
            new Item(TROUSERS, "Joggers", "Cotton joggers with cuffs", "2490.00", "1990.00", List.of("Black", "Navy")),
            new Item(TROUSERS, "Шорты хлопковые", "Хлопковые шорты до колена", "1990.00", null, List.of("White", "Red")),
            new Item(TROUSERS, "Wide-leg trousers", "High-waisted wide-leg trousers", "5290.00", null, List.of("Black")));

    private static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL");

    private final GatewayClient client;
    private final Map<String, Object> categoryIds;

    DemoCatalog(GatewayClient client, Map<String, Object> categoryIds) {
        this.client = client;
        this.categoryIds = categoryIds;
    }

    /** @return how many products were created (0 when they all existed) */
    int load(Map<String, Map<String, Object>> dictionaryIds) throws IOException {
        int created = 0;
        for (int i = 0; i < ITEMS.size(); i++) {
            Item item = ITEMS.get(i);
            String article = "DEMO-%03d".formatted(i + 1);
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("name", item.name());
            product.put("article", article);
            product.put("categoryId", required(categoryIds, item.kind().category()));
            product.put("description", item.description());
            product.put("materialIds", List.of(required(dictionaryIds.get("materials"), item.kind().material())));
            product.put("compositionId", required(dictionaryIds.get("compositions"), item.kind().composition()));
            product.put("careId", required(dictionaryIds.get("care-instructions"), item.kind().care()));
            product.put("weight", new BigDecimal("0.350"));
            product.put("parameters", Map.of("Fit", i % 2 == 0 ? "Regular" : "Relaxed"));
            HttpResponse<String> response = client.json("POST", "/api/catalog/products", product);
            if (response.statusCode() == 409) {
                continue; // created by an earlier --demo run
            }
            if (response.statusCode() != 201) {
                throw new IOException("creating product " + article + " failed: " + GatewayClient.describe(response));
            }
            Object productId = GatewayClient.createdId(response);
            addVariants(productId, article, item, i, dictionaryIds);
            addPicture(productId, article, item);
            created++;
        }
        return created;
    }

    private void addVariants(Object productId, String article, Item item, int index,
                             Map<String, Map<String, Object>> dictionaryIds) throws IOException {
        boolean first = true;
        for (String colour : item.colours()) {
            for (int s = 0; s < SIZES.size(); s++) {
                String size = SIZES.get(s);
                Map<String, Object> variant = new LinkedHashMap<>();
                variant.put("name", colour + " " + size);
                variant.put("colorId", required(dictionaryIds.get("colors"), colour));
                variant.put("sizeId", required(dictionaryIds.get("sizes"), size));
                variant.put("price", new BigDecimal(item.price()));
                if (item.salePrice() != null) {
                    variant.put("discountedPrice", new BigDecimal(item.salePrice()));
                    variant.put("sale", true);
                }
                variant.put("externalId", article + "-" + colour.toUpperCase() + "-" + size);
                variant.put("onHand", (index * 7 + s * 3) % 12); // some sizes sold out, most in stock
                variant.put("default", first);
                first = false;
                HttpResponse<String> response = client.json("POST", "/api/catalog/products/" + productId + "/variants", variant);
                if (response.statusCode() != 201) {
                    throw new IOException("creating variant " + variant.get("externalId") + " failed: "
                            + GatewayClient.describe(response));
                }
            }
        }
    }

    private void addPicture(Object productId, String article, Item item) throws IOException {
        byte[] png = DemoImages.png(item.kind().shape(), COLOURS.get(item.colours().get(0)), item.name());
        HttpResponse<String> response = client.upload("/api/catalog/products/" + productId + "/images",
                article.toLowerCase() + ".png", "image/png", png);
        if (response.statusCode() != 201) {
            throw new IOException("uploading the picture of " + article + " failed: " + GatewayClient.describe(response));
        }
    }

    private static final Map<String, Color> COLOURS = Map.of("Black", new Color(0x222222), "White", new Color(0xFAFAFA),
            "Navy", new Color(0x1F2A44), "Red", new Color(0xC8102E));

    private static Object required(Map<String, Object> ids, String name) throws IOException {
        Object id = ids == null ? null : ids.get(name);
        if (id == null) {
            throw new IOException("demo data needs '" + name + "' but it is not there");
        }
        return id;
    }
}
