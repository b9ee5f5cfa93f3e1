package shop.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OpenApiMergeTest {

    @Test
    void paths_and_components_are_united_first_one_wins() {
        JsonObject merged = OpenApiMerge.emptyDocument();
        OpenApiMerge.into(merged, new JsonObject("""
                {"openapi":"3.0.3","paths":{"/a":{"get":{}}},
                 "components":{"schemas":{"A":{"type":"object"},"Shared":{"title":"first"}},
                               "securitySchemes":{"jwt":{"type":"http"}}}}"""));
        OpenApiMerge.into(merged, new JsonObject("""
                {"openapi":"3.1.0","paths":{"/b":{"get":{}},"/a":{"post":{}}},
                 "components":{"schemas":{"B":{"type":"object"},"Shared":{"title":"second"}}}}"""));
        assertEquals("3.0.3", merged.getString("openapi"));
        assertEquals(2, merged.getJsonObject("paths").size());
        assertEquals(3, merged.getJsonObject("components").getJsonObject("schemas").size());
        assertEquals("first", merged.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("Shared").getString("title"));
        assertEquals(1, merged.getJsonObject("components").getJsonObject("securitySchemes").size());
    }
}
