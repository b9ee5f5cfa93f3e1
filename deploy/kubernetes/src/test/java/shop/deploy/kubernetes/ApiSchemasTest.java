package shop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema check catches what it is there for: it would not be worth much if it let these through. */
class ApiSchemasTest {
    private static ObjectNode orderService() {
        return Manifests.copy(Manifests.get(KustomizeRenderer.render(Manifests.KUBERNETES.resolve("base")), "Deployment", "order-service"));
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void theShippedDeploymentPasses() {
        assertEquals(List.of(), ApiSchemas.problems(orderService()));
    }

    @Test
    void aMisspeltFieldFails() {
        ObjectNode deployment = orderService();
        ObjectNode container = container(deployment);
        container.set("readinesProbe", container.remove("readinessProbe"));
        List<String> problems = ApiSchemas.problems(deployment);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("readinesProbe"), problems.toString());
    }

    @Test
    void aMissingRequiredFieldFails() {
        ObjectNode deployment = orderService();
        ((ObjectNode) deployment.path("spec")).remove("selector");
        List<String> problems = ApiSchemas.problems(deployment);
        assertTrue(problems.size() == 1 && problems.get(0).contains("selector"), problems.toString());
    }

    @Test
    void aWrongTypeFails() {
        ObjectNode deployment = orderService();
        ArrayNode env = (ArrayNode) container(deployment).path("env");
        ((ObjectNode) env.get(0)).set("name", Manifests.JSON.createArrayNode().add("QUARKUS_HTTP_HOST"));
        assertEquals(1, ApiSchemas.problems(deployment).size(), ApiSchemas.problems(deployment).toString());
    }

    @Test
    void aWrongQuantityAndAnUnknownKindFail() {
        ObjectNode deployment = orderService();
        ((ObjectNode) container(deployment).path("resources").path("limits")).put("memory", "768 megabytes");
        assertTrue(ApiSchemas.problems(deployment).stream().anyMatch(problem -> problem.contains("limits.memory")),
                ApiSchemas.problems(deployment).toString());

        ObjectNode wrongEnum = orderService();
        ((ObjectNode) wrongEnum.path("spec").path("strategy")).put("type", "Rolling");
        container(wrongEnum).put("imagePullPolicy", "Sometimes");
        ((ObjectNode) container(wrongEnum).path("ports").get(1)).put("name", "management-interface");
        assertEquals(3, ApiSchemas.problems(wrongEnum).size(), ApiSchemas.problems(wrongEnum).toString());

        deployment.put("apiVersion", "extensions/v1beta1");
        assertTrue(ApiSchemas.problems(deployment).get(0).contains("not one of the checked kinds"));
    }
}
