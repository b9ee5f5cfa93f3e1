package shop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/deployment.md, "Kubernetes", tells an operator everything the manifests expect from them: a
 * creation command and a table row for every Secret and each key the pods read from it, a row for
 * every setting of shop-platform-settings, and the install command. The README points at it.
 */
class KubernetesDocsTest {
    private static final List<JsonNode> OBJECTS = KustomizeRenderer.render(Manifests.KUBERNETES.resolve("overlays/production"));

    private static String section() throws IOException {
        String docs = Files.readString(Manifests.ROOT.resolve("docs/deployment.md"));
        int start = docs.indexOf("\n## Kubernetes\n");
        assertTrue(start >= 0, "docs/deployment.md has a section \"## Kubernetes\"");
        int end = docs.indexOf("\n## ", start + 1);
        return end < 0 ? docs.substring(start) : docs.substring(start, end);
    }

    /** Secret name → the keys the pods read from it (env references and the files of mounted Secrets). */
    static Map<String, Set<String>> secretsUsed(List<JsonNode> objects) {
        Map<String, Set<String>> secrets = new TreeMap<>();
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            JsonNode container = Manifests.container(deployment);
            for (JsonNode entry : container.path("env")) {
                JsonNode reference = entry.path("valueFrom").path("secretKeyRef");
                if (!reference.isMissingNode()) {
                    secrets.computeIfAbsent(reference.path("name").asText(), name -> new TreeSet<>()).add(reference.path("key").asText());
                }
            }
            for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
                if (!volume.has("secret")) {
                    continue;
                }
                String mountPath = Manifests.elements(container.path("volumeMounts")).stream()
                        .filter(mount -> mount.path("name").asText().equals(volume.path("name").asText()))
                        .map(mount -> mount.path("mountPath").asText()).findFirst().orElseThrow();
                Set<String> files = secrets.computeIfAbsent(volume.path("secret").path("secretName").asText(), name -> new TreeSet<>());
                for (JsonNode entry : container.path("env")) {
                    Path file = Path.of(entry.path("value").asText("/"));
                    if (file.getParent() != null && file.getParent().equals(Path.of(mountPath))) {
                        files.add(file.getFileName().toString());
                    }
                }
            }
        }
        return secrets;
    }

    @Test
    void everySecretHasACreationCommandAndARowWithItsKeys() throws IOException {
        String section = section();
        List<String> missing = new ArrayList<>();
        secretsUsed(OBJECTS).forEach((secret, keys) -> {
            if (!section.matches("(?s).*kubectl (-n shop )?create secret \\S+ " + secret + " .*")) {
                missing.add("a `kubectl create secret ... " + secret + "` command");
            }
            String row = section.lines().filter(line -> line.startsWith("| `" + secret + "` |")).findFirst().orElse("");
            if (row.isEmpty()) {
                missing.add("a row | `" + secret + "` | ... in the Secrets table");
            }
            for (String key : keys) {
                if (!row.contains("`" + key + "`")) {
                    missing.add("the key `" + key + "` in the row of " + secret);
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everySettingHasARow() throws IOException {
        String section = section();
        Set<String> keys = new TreeSet<>();
        Manifests.get(OBJECTS, "ConfigMap", "shop-platform-settings").path("data").fieldNames().forEachRemaining(keys::add);
        for (JsonNode deployment : Manifests.ofKind(OBJECTS, "Deployment")) {
            for (JsonNode entry : Manifests.container(deployment).path("env")) {
                JsonNode reference = entry.path("valueFrom").path("configMapKeyRef");
                if (!reference.isMissingNode()) {
                    keys.add(reference.path("key").asText());
                }
            }
        }
        List<String> missing = keys.stream().filter(key -> !section.contains("\n| `" + key + "` |")).toList();
        assertEquals(List.of(), missing, "settings without a row in docs/deployment.md, \"Kubernetes\"");
    }

    @Test
    void theInstallIsDescribedAndTheReadmePointsAtIt() throws IOException {
        String section = section();
        for (String step : List.of("kubectl apply -k deploy/kubernetes/overlays/production", "examples/cloudnativepg.yaml",
                "examples/strimzi.yaml", "./mvnw -B -pl deploy/kubernetes -am verify")) {
            assertTrue(section.contains(step), "docs/deployment.md, \"Kubernetes\": " + step);
        }
        assertTrue(Files.readString(Manifests.ROOT.resolve("README.md")).contains("docs/deployment.md#kubernetes"), "README links the section");
    }
}
