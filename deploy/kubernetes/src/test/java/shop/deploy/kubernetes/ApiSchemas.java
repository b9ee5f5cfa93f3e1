package shop.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes API's schemas, offline: the official Java client's models are generated from the API
 * server's OpenAPI document, and their {@code validateJsonElement} rejects a field the schema does not
 * define (a misspelt {@code readinesProbe} would otherwise be dropped silently by a lenient reader) and a
 * missing required one, at every level of the object, and checks each field's JSON type. Resource
 * quantities ({@code 768Mi}) are parsed as the API server parses them.
 */
final class ApiSchemas {
    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    /** apiVersion/kind → its schema: the only kinds the platform's manifests may contain. */
    private static final Map<String, Validator> SCHEMAS = Map.of(
            "v1/ConfigMap", V1ConfigMap::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
            "networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement);

    private ApiSchemas() {
    }

    /** What is wrong with the object by its API's schema; empty when nothing. */
    static List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + Manifests.kind(object);
        Validator validator = SCHEMAS.get(type);
        if (validator == null) {
            return List.of(Manifests.id(object) + ": " + type + " is not one of the checked kinds " + SCHEMAS.keySet());
        }
        List<String> problems = new ArrayList<>();
        try {
            validator.validate(com.google.gson.JsonParser.parseString(Manifests.JSON.writeValueAsString(object)));
        } catch (IOException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            problems.add(Manifests.id(object) + ": " + e.getMessage());
        }
        quantities(object, Manifests.id(object), problems);
        return problems;
    }

    /** Every value under a {@code resources.requests}/{@code limits} must be a quantity. */
    private static void quantities(JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("requests") || field.getKey().equals("limits")) && field.getValue().isObject()) {
                    field.getValue().fields().forEachRemaining(quantity -> {
                        try {
                            Quantity.fromString(quantity.getValue().asText());
                        } catch (RuntimeException e) {
                            problems.add(where + ": " + field.getKey() + "." + quantity.getKey() + " is not a quantity: "
                                    + quantity.getValue());
                        }
                    });
                } else {
                    quantities(field.getValue(), where, problems);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> quantities(element, where, problems));
        }
    }

    static String json(JsonNode node) {
        try {
            return Manifests.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
