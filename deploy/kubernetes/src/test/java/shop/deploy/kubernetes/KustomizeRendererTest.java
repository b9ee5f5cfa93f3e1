package shop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KustomizeRenderer} renders what Kustomize renders: compared object by object with
 * {@code kubectl kustomize} where kubectl is on the PATH (it renders offline; CI has no kubectl and skips
 * that comparison with a message), and it refuses the Kustomize features it does not implement.
 */
class KustomizeRendererTest {

    static Stream<String> renderings() {
        return RenderedManifestsTest.renderings();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void rendersWhatKubectlKustomizeRenders(String directory) throws Exception {
        Path kubectl = onPath("kubectl");
        Assumptions.assumeTrue(kubectl != null, "kubectl is not on the PATH: the Java rendering is not compared with kubectl kustomize");
        Path output = Files.createTempFile("kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", Manifests.KUBERNETES.resolve(directory).toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
            assertEquals(0, process.exitValue(), "kubectl kustomize " + directory);
            assertEquals(byId(Manifests.readAll(output)), byId(KustomizeRenderer.render(Manifests.KUBERNETES.resolve(directory))), directory);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> objects) {
        Map<String, JsonNode> result = new TreeMap<>();
        objects.forEach(object -> result.put(Manifests.id(object), object));
        return result;
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Stream.of(path.split(File.pathSeparator)).map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    @Test
    void refusesWhatItDoesNotRender(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("map.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  a: b\n");
        write(directory, "resources: [map.yaml]\ncommonLabels: {team: shop}\n");
        assertTrue(message(directory).contains("'commonLabels' is not rendered by this check"), message(directory));

        // a strategic merge patch: kustomize merges lists by keys this check does not know
        Files.writeString(directory.resolve("patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  a: c\n");
        write(directory, "resources: [map.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: ConfigMap}\n");
        assertTrue(message(directory).contains("strategic merge patches are not rendered"), message(directory));

        Files.writeString(directory.resolve("patch.yaml"), "- op: move\n  from: /data/a\n  path: /data/b\n");
        write(directory, "resources: [map.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: ConfigMap}\n");
        assertTrue(message(directory).contains("unsupported field 'from'"), message(directory));

        Files.writeString(directory.resolve("patch.yaml"), "- op: replace\n  path: /data/a\n  value: c\n");
        write(directory, "resources: [map.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: ConfigMap, labelSelector: x=y}\n");
        assertTrue(message(directory).contains("'labelSelector' is not rendered"), message(directory));

        write(directory, "resources: [map.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: Secret}\n");
        assertTrue(message(directory).contains("matches no object"), message(directory));

        write(directory, "resources: [map.yaml]\nnamespace: shop\npatches:\n  - path: patch.yaml\n    target: {kind: ConfigMap, name: m}\n");
        JsonNode rendered = KustomizeRenderer.render(directory).get(0);
        assertEquals("c", rendered.path("data").path("a").asText());
        assertEquals("shop", rendered.path("metadata").path("namespace").asText());
    }

    private static void write(Path directory, String body) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + body, StandardCharsets.UTF_8);
    }

    private static String message(Path directory) {
        return assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(directory)).getMessage();
    }
}
