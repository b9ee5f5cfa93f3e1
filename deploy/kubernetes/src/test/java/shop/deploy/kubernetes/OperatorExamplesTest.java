package shop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.devstack.Service;

/**
 * The CloudNativePG and Strimzi examples (deploy/kubernetes/examples) parse, name the operators' resources
 * by their API versions, and give the platform what its settings expect: the database and owner role
 * of every service, with the passwords from the same Secrets the services read, behind the host the JDBC
 * URLs name; a KRaft Kafka of the broker version the platform is built against, behind the bootstrap
 * address the settings name. The operators' own schemas are not on Maven Central: the fields used are
 * checked here by name.
 */
class OperatorExamplesTest {
    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");

    private static final List<JsonNode> BASE = KustomizeRenderer.render(Manifests.KUBERNETES.resolve("base"));
    private static final JsonNode SETTINGS = Manifests.get(BASE, "ConfigMap", "shop-platform-settings").path("data");

    private static List<JsonNode> example(String file) {
        List<JsonNode> objects = Manifests.readAll(Manifests.KUBERNETES.resolve("examples").resolve(file));
        for (JsonNode object : objects) {
            object.fieldNames().forEachRemaining(field -> assertTrue(TOP_LEVEL.contains(field), file + ": " + Manifests.id(object) + " has " + field));
            assertTrue(!Manifests.name(object).isEmpty(), file + ": every object has a name");
        }
        return objects;
    }

    private static void onlyKinds(List<JsonNode> objects, String apiVersion, Set<String> kinds) {
        for (JsonNode object : objects) {
            assertEquals(apiVersion, object.path("apiVersion").asText(), Manifests.id(object));
            assertTrue(kinds.contains(Manifests.kind(object)), Manifests.id(object) + " is not one of " + kinds);
        }
    }

    @Test
    void cloudNativePgCreatesEveryServiceDatabaseWithItsOwnerAndSecret() {
        List<JsonNode> objects = example("cloudnativepg.yaml");
        onlyKinds(objects, "postgresql.cnpg.io/v1", Set.of("Cluster", "Database"));
        List<JsonNode> clusters = Manifests.ofKind(objects, "Cluster");
        assertEquals(1, clusters.size());
        JsonNode cluster = clusters.get(0);
        assertTrue(cluster.path("spec").path("imageName").asText().matches(".+:(1[7-9]|[2-9][0-9]).*"),
                "PostgreSQL 17 or newer (the product search's pg_c_utf8 collation)");
        List<JsonNode> roles = Manifests.elements(cluster.path("spec").path("managed").path("roles"));
        for (Service service : Service.values()) {
            if (service.database() == null) {
                continue;
            }
            String database = service.database();
            JsonNode role = roles.stream().filter(candidate -> candidate.path("name").asText().equals(database)).findFirst()
                    .orElseThrow(() -> new AssertionError("no role " + database));
            assertTrue(role.path("login").asBoolean(), database + " may log in");
            String passwordSecret = Manifests.env(Manifests.container(Manifests.get(BASE, "Deployment", service.module())), "QUARKUS_DATASOURCE_PASSWORD")
                    .orElseThrow().path("valueFrom").path("secretKeyRef").path("name").asText();
            assertEquals(passwordSecret, role.path("passwordSecret").path("name").asText(), database + ": the Secret the service reads");
            JsonNode owned = Manifests.ofKind(objects, "Database").stream()
                    .filter(candidate -> candidate.path("spec").path("name").asText().equals(database)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + database));
            assertEquals(database, owned.path("spec").path("owner").asText());
            assertEquals(Manifests.name(cluster), owned.path("spec").path("cluster").path("name").asText());
            assertEquals("jdbc:postgresql://" + Manifests.name(cluster) + "-rw:5432/" + database, SETTINGS.path(database + "-jdbc-url").asText(),
                    "the settings point at the example cluster's read-write Service");
        }
        assertEquals(Service.backends().size(), Manifests.ofKind(objects, "Database").size());
    }

    @Test
    void strimziRunsAKraftKafkaOfThePlatformsVersionBehindTheBootstrapAddress() throws IOException {
        List<JsonNode> objects = example("strimzi.yaml");
        onlyKinds(objects, "kafka.strimzi.io/v1beta2", Set.of("Kafka", "KafkaNodePool"));
        JsonNode kafka = Manifests.ofKind(objects, "Kafka").get(0);
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText(), "KRaft, no ZooKeeper");
        assertTrue(kafka.path("spec").path("zookeeper").isMissingNode());
        String pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));
        String version = kafka.path("spec").path("kafka").path("version").asText();
        assertTrue(pom.contains("<kafka.version>" + version + "</kafka.version>"), "the broker version the platform is built against: " + version);
        JsonNode pool = Manifests.ofKind(objects, "KafkaNodePool").get(0);
        assertEquals(Manifests.name(kafka), pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        List<String> roles = Manifests.elements(pool.path("spec").path("roles")).stream().map(JsonNode::asText).toList();
        assertTrue(roles.contains("controller") && roles.contains("broker"), roles.toString());
        JsonNode plain = Manifests.elements(kafka.path("spec").path("kafka").path("listeners")).stream()
                .filter(listener -> !listener.path("tls").asBoolean(true)).findFirst().orElseThrow();
        assertEquals(Manifests.name(kafka) + "-kafka-bootstrap:" + plain.path("port").asInt(), SETTINGS.path("kafka-bootstrap-servers").asText());
        assertTrue(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(),
                "the services create their topics on first use, as in the dev stack");
    }
}
