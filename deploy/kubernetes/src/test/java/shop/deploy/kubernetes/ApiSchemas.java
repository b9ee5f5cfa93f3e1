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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Kubernetes API's schemas, offline: the official Java client's models are generated from the API
 * server's OpenAPI document, and their {@code validateJsonElement} rejects a field the schema does not
 * define (a misspelt {@code readinesProbe} would otherwise be dropped silently by a lenient reader) and a
 * missing required one, at every level of the object, and checks each field's JSON type; the typed read
 * that follows fails where a value cannot be the field's type. What the API server checks beyond the
 * OpenAPI document and the models do not (enumerated values, port names and numbers, DNS names, resource
 * quantities such as {@code 768Mi}) is checked here for the fields the manifests use.
 */
final class ApiSchemas {
    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private record Schema(Validator validator, Class<?> model) {
    }

    /** apiVersion/kind → its schema: the only kinds the platform's manifests may contain. */
    private static final Map<String, Schema> SCHEMAS = Map.of(
            "v1/ConfigMap", new Schema(V1ConfigMap::validateJsonElement, V1ConfigMap.class),
            "v1/Service", new Schema(V1Service::validateJsonElement, V1Service.class),
            "apps/v1/Deployment", new Schema(V1Deployment::validateJsonElement, V1Deployment.class),
            "policy/v1/PodDisruptionBudget", new Schema(V1PodDisruptionBudget::validateJsonElement, V1PodDisruptionBudget.class),
            "autoscaling/v2/HorizontalPodAutoscaler", new Schema(V2HorizontalPodAutoscaler::validateJsonElement,
                    V2HorizontalPodAutoscaler.class),
            "networking.k8s.io/v1/Ingress", new Schema(V1Ingress::validateJsonElement, V1Ingress.class),
            "networking.k8s.io/v1/NetworkPolicy", new Schema(V1NetworkPolicy::validateJsonElement, V1NetworkPolicy.class));

    /**
     * Enumerations of the API (its documentation and the API server's validation; the generated models
     * take any string): field name → allowed values, for the fields of these names the manifests use.
     */
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "pathType", Set.of("Exact", "Prefix", "ImplementationSpecific"),
            "imagePullPolicy", Set.of("Always", "IfNotPresent", "Never"),
            "whenUnsatisfiable", Set.of("DoNotSchedule", "ScheduleAnyway"),
            "protocol", Set.of("TCP", "UDP", "SCTP"),
            "policyTypes", Set.of("Ingress", "Egress"),
            "drop", Set.of("ALL"));
    /** Where a {@code type} field means what, by the object it is in (parent field name → values). */
    private static final Map<String, Set<String>> TYPES = Map.of(
            "spec", Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
            "strategy", Set.of("RollingUpdate", "Recreate"),
            "seccompProfile", Set.of("RuntimeDefault", "Localhost", "Unconfined"),
            "metrics", Set.of("Resource", "Pods", "Object", "External", "ContainerResource"),
            "target", Set.of("Utilization", "Value", "AverageValue"));
    /** The client's Gson set-up (its adapters for quantities, int-or-string, dates); costly to build. */
    private static final io.kubernetes.client.openapi.JSON TYPED = new io.kubernetes.client.openapi.JSON();
    /** DNS-1123 label: names of Services, ports (at most 15 characters), containers, volumes. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("(?=.{1,15}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private ApiSchemas() {
    }

    /** What is wrong with the object by its API's schema; empty when nothing. */
    static List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + Manifests.kind(object);
        Schema schema = SCHEMAS.get(type);
        if (schema == null) {
            return List.of(Manifests.id(object) + ": " + type + " is not one of the checked kinds " + SCHEMAS.keySet());
        }
        List<String> problems = new ArrayList<>();
        String json = json(object);
        try {
            schema.validator().validate(com.google.gson.JsonParser.parseString(json));
            // the typed read: a number where an object or a list belongs fails here
            TYPED.deserialize(json, schema.model());
        } catch (IOException | RuntimeException e) {
            problems.add(Manifests.id(object) + ": " + e.getMessage());
        }
        String id = Manifests.id(object);
        if (!DNS_LABEL.matcher(Manifests.name(object)).matches() || Manifests.name(object).length() > 63) {
            problems.add(id + ": the name is not a DNS-1123 label");
        }
        walk(object, "", id, problems);
        return problems;
    }

    /** Enumerated values, port names and numbers, and resource quantities, wherever they are. */
    private static void walk(JsonNode node, String parent, String where, List<String> problems) {
        if (node.isArray()) {
            node.forEach(element -> walk(element, parent, where, problems));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            Set<String> allowed = name.equals("type") ? TYPES.get(parent) : ENUMS.get(name);
            if (allowed != null) {
                List<JsonNode> values = value.isArray() ? Manifests.elements(value) : List.of(value);
                values.stream().filter(one -> !allowed.contains(one.asText()))
                        .forEach(one -> problems.add(where + ": " + name + " " + one + " is not one of " + allowed));
            }
            if ((parent.equals("ports") && name.equals("name")) && !PORT_NAME.matcher(value.asText()).matches()) {
                problems.add(where + ": port name " + value + " (at most 15 characters, lower case, digits, '-')");
            }
            if ((name.equals("containerPort") || (parent.equals("ports") && name.equals("port") && value.isNumber()))
                    && !(value.isInt() && value.asInt() > 0 && value.asInt() < 65536)) {
                problems.add(where + ": " + name + " " + value + " is not a port number");
            }
            if ((name.equals("requests") || name.equals("limits")) && value.isObject()) {
                value.fields().forEachRemaining(quantity -> {
                    try {
                        Quantity.fromString(quantity.getValue().asText());
                    } catch (RuntimeException e) {
                        problems.add(where + ": " + name + "." + quantity.getKey() + " is not a quantity: " + quantity.getValue());
                    }
                });
            } else {
                walk(value, name, where, problems);
            }
        });
    }

    static String json(JsonNode node) {
        try {
            return Manifests.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
