package shop.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the part of Kustomize this
 * project's manifests use, so that CI can check the rendered objects without the tool (CI has a JDK and
 * Maven Central, no kubectl). It stays honest by refusing everything else: a kustomization field, patch
 * form or target selector it does not know fails the check instead of being rendered differently.
 * Where kubectl is installed, {@code KustomizeRendererTest} compares the two renderings object by object.
 *
 * <p>Supported: {@code resources} (files, and directories holding a kustomization), {@code patches}
 * (a file of JSON patch operations, with a {@code target} by kind and optionally name),
 * {@code images} ({@code name}, {@code newName}, {@code newTag}) and {@code namespace}; applied in that
 * order, as Kustomize's built-in transformers are for these fields.
 */
final class KustomizeRenderer {
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag");

    private KustomizeRenderer() {
    }

    /** The objects {@code kubectl kustomize directory} prints, in no particular order. */
    static List<JsonNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + Manifests.ROOT.relativize(directory));
        }
        String where = Manifests.ROOT.relativize(file).toString();
        List<JsonNode> documents = Manifests.readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(where + ": one document expected");
        }
        JsonNode kustomization = documents.get(0);
        allowOnly(kustomization, FIELDS, where);
        if (!"Kustomization".equals(kustomization.path("kind").asText())
                || !"kustomize.config.k8s.io/v1beta1".equals(kustomization.path("apiVersion").asText())) {
            throw new IllegalArgumentException(where + ": apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization expected");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                render(path).forEach(object -> objects.add(Manifests.copy(object)));
            } else {
                Manifests.readAll(path).forEach(object -> objects.add(Manifests.copy(object)));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            allowOnly(patch, PATCH_FIELDS, where + " (patches)");
            JsonNode target = patch.path("target");
            allowOnly(target, TARGET_FIELDS, where + " (patch target)");
            if (!target.hasNonNull("kind")) {
                throw new IllegalArgumentException(where + ": a patch target names its kind");
            }
            Path patchFile = directory.resolve(patch.path("path").asText()).normalize();
            List<JsonNode> operations = Manifests.readAll(patchFile);
            String patchWhere = Manifests.ROOT.relativize(patchFile).toString();
            int matched = 0;
            for (ObjectNode object : objects) {
                if (matches(target, object)) {
                    JsonPatch.apply(operations.isEmpty() ? Manifests.JSON.createArrayNode() : operations.get(0), object,
                            patchWhere + " on " + Manifests.id(object));
                    matched++;
                }
            }
            if (matched == 0) {
                // kustomize applies a patch to nothing silently; an overlay with such a patch is a mistake
                throw new IllegalArgumentException(where + ": the patch " + patch.path("path").asText() + " matches no object");
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            allowOnly(image, IMAGE_FIELDS, where + " (images)");
            objects.forEach(object -> setImage(object, image));
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            objects.forEach(object -> ((ObjectNode) object.path("metadata")).put("namespace", namespace));
        }
        return List.copyOf(objects);
    }

    private static boolean matches(JsonNode target, JsonNode object) {
        return target.path("kind").asText().equals(Manifests.kind(object))
                && (!target.hasNonNull("name") || target.get("name").asText().equals(Manifests.name(object)));
    }

    private static void setImage(JsonNode object, JsonNode image) {
        JsonNode pod = object.path("spec").path("template").path("spec");
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : pod.path(list)) {
                String current = container.path("image").asText();
                int tagAt = current.indexOf(':', current.lastIndexOf('/') + 1);
                String name = tagAt < 0 ? current : current.substring(0, tagAt);
                String tag = tagAt < 0 ? null : current.substring(tagAt + 1);
                if (name.equals(image.path("name").asText())) {
                    String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
                    String newTag = image.hasNonNull("newTag") ? image.get("newTag").asText() : tag;
                    ((ObjectNode) container).put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }

    private static void allowOnly(JsonNode node, Set<String> allowed, String where) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(where + ": '" + field + "' is not rendered by this check (supported: "
                        + allowed + "); extend KustomizeRenderer or use what it supports");
            }
        });
    }
}
