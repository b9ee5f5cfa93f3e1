package shop.catalog.product;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/** Orders snapshot a variant's size and colour from catalog.variants: the names travel in every state. */
@QuarkusTest
class VariantSizeColourEventsTest {
    private static final String STAFF = TestTokens.issue("1", "manager");

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void patch(String url, String body) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().patch(url).then().statusCode(200);
    }

    /** The next record of the variant whose payload contains {@code text}. */
    private static VariantState await(int variantId, String text) {
        String key = String.valueOf(variantId);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains(text), Duration.ofSeconds(30));
        return EventJson.payload(EventJson.read(record), VariantState.class);
    }

    @Test
    void aVariantsStateCarriesItsSizeAndColourAndFollowsTheirRenames() {
        String sizeName = unique("42");
        String colourName = unique("red");
        int sizeId = post("/api/catalog/sizes", "{\"name\":\"" + sizeName + "\"}");
        int colourId = post("/api/catalog/colors", "{\"name\":\"" + colourName + "\",\"code\":\"#aa0000\"}");
        int categoryId = post("/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}");
        int productId = post("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Dress"), unique("ART"), categoryId));
        int variantId = post("/api/catalog/products/" + productId + "/variants",
                "{\"price\":10.00,\"onHand\":3,\"sizeId\":%d,\"colorId\":%d}".formatted(sizeId, colourId));
        int plainId = post("/api/catalog/products/" + productId + "/variants", "{\"price\":11.00}");

        VariantState created = await(variantId, sizeName);
        assertEquals(sizeName, created.sizeName());
        assertEquals(colourName, created.colorName());
        assertEquals("#AA0000", created.colorCode());
        VariantState plain = await(plainId, "\"variantId\":" + plainId);
        assertNull(plain.sizeName());
        assertNull(plain.colorName());
        assertNull(plain.colorCode());

        // renaming a dictionary entry republishes the variants that have it, with the new name
        String newSize = unique("XL");
        patch("/api/catalog/sizes/" + sizeId, "{\"name\":\"" + newSize + "\"}");
        VariantState resized = await(variantId, newSize);
        assertEquals(newSize, resized.sizeName());
        assertEquals(colourName, resized.colorName());
        assertEquals(3, resized.available());

        patch("/api/catalog/colors/" + colourId, "{\"code\":\"#00aa00\"}");
        VariantState recoded = await(variantId, "#00AA00");
        assertEquals(newSize, recoded.sizeName());
        assertEquals(colourName, recoded.colorName());

        String newColour = unique("green");
        patch("/api/catalog/colors/" + colourId, "{\"name\":\"" + newColour + "\"}");
        VariantState recoloured = await(variantId, newColour);
        assertEquals(newColour, recoloured.colorName());
        assertEquals("#00AA00", recoloured.colorCode());
        assertEquals(newSize, recoloured.sizeName());
    }
}
