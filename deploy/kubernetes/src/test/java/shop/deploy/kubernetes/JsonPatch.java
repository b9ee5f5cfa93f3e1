package shop.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON Patch (RFC 6902) as Kustomize applies it for a {@code patches} entry whose file is a list of
 * operations: {@code add}, {@code remove}, {@code replace} and {@code test}, with JSON pointers (RFC 6901).
 * {@code move} and {@code copy} are refused, so that an overlay using them fails here instead of being
 * rendered differently from Kustomize.
 */
final class JsonPatch {
    private static final Set<String> FIELDS = Set.of("op", "path", "value");

    private JsonPatch() {
    }

    static void apply(JsonNode operations, ObjectNode target, String where) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException(where + ": a JSON patch is a list of operations (strategic merge patches are not "
                    + "rendered by this check: write the change as JSON patch operations)");
        }
        for (JsonNode operation : operations) {
            operation.fieldNames().forEachRemaining(field -> {
                if (!FIELDS.contains(field)) {
                    throw new IllegalArgumentException(where + ": unsupported field '" + field + "' in " + operation);
                }
            });
            String op = operation.path("op").asText();
            List<String> path = pointer(operation.path("path").asText(), where);
            JsonNode value = operation.get("value");
            switch (op) {
                case "add" -> add(target, path, required(value, operation, where), where);
                case "replace" -> {
                    lookup(target, path, where);
                    remove(target, path, where);
                    add(target, path, required(value, operation, where), where);
                }
                case "remove" -> remove(target, path, where);
                case "test" -> {
                    if (!lookup(target, path, where).equals(required(value, operation, where))) {
                        throw new IllegalArgumentException(where + ": test failed at " + operation.path("path").asText());
                    }
                }
                default -> throw new IllegalArgumentException(where + ": unsupported JSON patch operation '" + op + "'");
            }
        }
    }

    private static JsonNode required(JsonNode value, JsonNode operation, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": no value in " + operation);
        }
        return value.deepCopy();
    }

    static List<String> pointer(String pointer, String where) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException(where + ": a JSON pointer starts with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode lookup(JsonNode root, List<String> path, String where) {
        JsonNode node = root;
        for (String token : path) {
            node = child(node, token, where, path);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token, String where, List<String> path) {
        JsonNode next = node.isArray() ? node.get(index(token, node.size() - 1, where)) : node.get(token);
        if (next == null) {
            throw new IllegalArgumentException(where + ": nothing at /" + String.join("/", path));
        }
        return next;
    }

    private static void add(JsonNode root, List<String> path, JsonNode value, String where) {
        JsonNode parent = lookup(root, path.subList(0, path.size() - 1), where);
        String last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(value);
            } else {
                array.insert(index(last, array.size(), where), value);
            }
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            throw new IllegalArgumentException(where + ": cannot add below a value at /" + String.join("/", path));
        }
    }

    private static void remove(JsonNode root, List<String> path, String where) {
        JsonNode parent = lookup(root, path.subList(0, path.size() - 1), where);
        String last = path.get(path.size() - 1);
        lookup(root, path, where);
        if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size() - 1, where));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static int index(String token, int max, String where) {
        try {
            int index = Integer.parseInt(token);
            if (index < 0 || index > max) {
                throw new IllegalArgumentException(where + ": index " + token + " out of bounds");
            }
            return index;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not an array index: " + token);
        }
    }
}
