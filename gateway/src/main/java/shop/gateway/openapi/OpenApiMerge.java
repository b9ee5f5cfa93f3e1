package shop.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Merges OpenAPI 3 documents: the union of paths, tags and components (schemas, security schemes,
 * ...). On a name clash the first document wins; services are expected to name their schemas so that
 * clashes mean the same thing.
 */
final class OpenApiMerge {

    private OpenApiMerge() {
    }

    static JsonObject emptyDocument() {
        return new JsonObject()
                .putNull("openapi")
                .put("info", new JsonObject()
                        .put("title", "Shop platform API")
                        .put("description", "All services behind the gateway")
                        .put("version", "1.0"))
                .put("servers", ServiceApiDocs.GATEWAY_SERVERS.copy())
                .put("paths", new JsonObject())
                .put("components", new JsonObject());
    }

    static void into(JsonObject merged, JsonObject document) {
        if (merged.getValue("openapi") == null && document.getValue("openapi") instanceof String version) {
            merged.put("openapi", version);
        }
        copyMissing(document.getJsonObject("paths"), merged.getJsonObject("paths"));

        JsonObject components = document.getJsonObject("components");
        if (components != null) {
            JsonObject target = merged.getJsonObject("components");
            for (Map.Entry<String, Object> section : components) {
                if (section.getValue() instanceof JsonObject entries) {
                    JsonObject into = target.getJsonObject(section.getKey());
                    if (into == null) {
                        into = new JsonObject();
                        target.put(section.getKey(), into);
                    }
                    copyMissing(entries, into);
                }
            }
        }

        JsonArray tags = document.getJsonArray("tags");
        if (tags != null) {
            JsonArray mergedTags = merged.getJsonArray("tags");
            if (mergedTags == null) {
                mergedTags = new JsonArray();
                merged.put("tags", mergedTags);
            }
            Set<String> known = new HashSet<>();
            for (Object tag : mergedTags) {
                if (tag instanceof JsonObject t) {
                    known.add(t.getString("name"));
                }
            }
            for (Object tag : tags) {
                if (tag instanceof JsonObject t && known.add(t.getString("name"))) {
                    mergedTags.add(t.copy());
                }
            }
        }

        JsonArray security = document.getJsonArray("security");
        if (security != null && !merged.containsKey("security")) {
            merged.put("security", security.copy());
        }
    }

    private static void copyMissing(JsonObject from, JsonObject into) {
        if (from == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : from) {
            if (!into.containsKey(entry.getKey())) {
                into.put(entry.getKey(), entry.getValue() instanceof JsonObject o ? o.copy() : entry.getValue());
            }
        }
    }
}
