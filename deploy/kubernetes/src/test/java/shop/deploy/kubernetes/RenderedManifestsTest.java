package shop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import shop.devstack.PortPlan;
import shop.devstack.Service;

/**
 * The base and every overlay, rendered ({@link KustomizeRenderer}), pass the Kubernetes API's schemas and
 * hang together: every application of the registry ({@link Service}) is deployed with what a cluster needs,
 * every reference (Service → pods, probe → port, autoscaler → Deployment, env → ConfigMap key, file → Secret
 * volume) points at something that exists, every variable docker-compose.yml gives an application is
 * set here too, and nothing secret is written down. Plain JUnit over files: milliseconds, no cluster.
 */
class RenderedManifestsTest {
    private static final PortPlan PORTS = PortPlan.defaults();
    private static final Set<Service> AUTOSCALED = Set.of(Service.GATEWAY, Service.CATALOG, Service.ORDER);
    /** Variables docker-compose.yml sets that the cluster does without, and why. */
    private static final Map<String, String> NOT_NEEDED_IN_KUBERNETES = Map.of(
            "catalog-service/SHOP_CATALOG_IMAGES_DIR", "images are in S3 (SHOP_CATALOG_IMAGES_STORAGE=s3), shared by the replicas");
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN|PRIVATE|(^|_)KEY(_|$)|ACCESS_KEY");

    static Stream<String> renderings() {
        return Stream.of("base", "overlays/production", "overlays/single-node");
    }

    private static final Map<String, List<JsonNode>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rendered once per class; no test changes the objects. */
    private static List<JsonNode> render(String directory) {
        return RENDERED.computeIfAbsent(directory, name -> KustomizeRenderer.render(Manifests.KUBERNETES.resolve(name)));
    }

    private static Iterable<JsonNode> deployments(List<JsonNode> objects) {
        return Manifests.ofKind(objects, "Deployment");
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyObjectPassesTheApiSchemas(String directory) {
        List<JsonNode> objects = render(directory);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode object : objects) {
            problems.addAll(ApiSchemas.problems(object));
            if (!seen.add(Manifests.id(object))) {
                problems.add("twice: " + Manifests.id(object));
            }
        }
        assertEquals(List.of(), problems, directory);
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyApplicationIsDeployedWithItsServiceBudgetAndPolicy(String directory) {
        List<JsonNode> objects = render(directory);
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy")) {
                if (Manifests.find(objects, kind, service.module()).isEmpty()) {
                    missing.add(kind + "/" + service.module());
                }
            }
            boolean autoscaled = Manifests.find(objects, "HorizontalPodAutoscaler", service.module()).isPresent();
            assertEquals(AUTOSCALED.contains(service), autoscaled, directory + ": autoscaler of " + service.module());
        }
        assertEquals(List.of(), missing, directory);
        assertEquals(Service.values().length, Manifests.ofKind(objects, "Deployment").size(), directory + ": a Deployment of no registered application");
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void autoscalersTargetDeploymentsThatLeaveThemTheCount(String directory) {
        List<JsonNode> objects = render(directory);
        for (JsonNode autoscaler : Manifests.ofKind(objects, "HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            assertEquals("apps/v1", target.path("apiVersion").asText(), Manifests.id(autoscaler));
            assertEquals("Deployment", target.path("kind").asText(), Manifests.id(autoscaler));
            JsonNode deployment = Manifests.get(objects, "Deployment", target.path("name").asText());
            // a replicas field would be set back by every kubectl apply, fighting the autoscaler
            assertFalse(deployment.path("spec").has("replicas"), Manifests.id(deployment) + " has replicas and an autoscaler");
            assertTrue(autoscaler.path("spec").path("maxReplicas").asInt() >= autoscaler.path("spec").path("minReplicas").asInt(1));
            if (!directory.equals("overlays/single-node")) {
                assertTrue(autoscaler.path("spec").path("minReplicas").asInt() >= 2, Manifests.id(autoscaler) + ": two pods at least");
            }
        }
        if (!directory.equals("overlays/single-node")) {
            for (JsonNode deployment : deployments(objects)) {
                if (deployment.path("spec").has("replicas")) {
                    assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, Manifests.id(deployment) + ": two pods at least");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void servicesBudgetsAndPoliciesSelectExactlyTheirDeployment(String directory) {
        List<JsonNode> objects = render(directory);
        for (Service service : Service.values()) {
            JsonNode deployment = Manifests.get(objects, "Deployment", service.module());
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertTrue(Manifests.selects(deployment.path("spec").path("selector").path("matchLabels"), podLabels),
                    Manifests.id(deployment) + ": its selector does not select its own pods");
            JsonNode kubernetesService = Manifests.get(objects, "Service", service.module());
            Map<String, JsonNode> selectors = new LinkedHashMap<>();
            selectors.put(Manifests.id(kubernetesService), kubernetesService.path("spec").path("selector"));
            for (String kind : List.of("PodDisruptionBudget", "NetworkPolicy")) {
                JsonNode object = Manifests.get(objects, kind, service.module());
                String field = kind.equals("NetworkPolicy") ? "podSelector" : "selector";
                selectors.put(Manifests.id(object), object.path("spec").path(field).path("matchLabels"));
            }
            selectors.forEach((id, selector) -> {
                List<String> selected = new ArrayList<>();
                for (JsonNode candidate : deployments(objects)) {
                    if (Manifests.selects(selector, candidate.path("spec").path("template").path("metadata").path("labels"))) {
                        selected.add(Manifests.name(candidate));
                    }
                }
                assertEquals(List.of(service.module()), selected, id + " selects");
            });
            Set<String> containerPorts = portNames(Manifests.container(deployment));
            for (JsonNode port : kubernetesService.path("spec").path("ports")) {
                assertTrue(containerPorts.contains(port.path("targetPort").asText()), Manifests.id(kubernetesService) + ": targetPort "
                        + port.path("targetPort") + " is not a port of its pods " + containerPorts);
                assertEquals(PORTS.port(service), port.path("port").asInt(), Manifests.id(kubernetesService) + ": the devstack port");
            }
            for (JsonNode rule : Manifests.get(objects, "NetworkPolicy", service.module()).path("spec").path("ingress")) {
                for (JsonNode port : rule.path("ports")) {
                    assertTrue(containerPorts.contains(port.path("port").asText()), "NetworkPolicy/" + service.module() + ": port " + port);
                }
                for (JsonNode from : rule.path("from")) {
                    if (from.has("podSelector")) {
                        JsonNode selector = from.path("podSelector").path("matchLabels");
                        assertTrue(Manifests.ofKind(objects, "Deployment").stream().anyMatch(candidate -> Manifests.selects(selector,
                                candidate.path("spec").path("template").path("metadata").path("labels"))),
                                "NetworkPolicy/" + service.module() + " admits pods that do not exist: " + selector);
                    }
                }
            }
        }
    }

    private static Set<String> portNames(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("ports").forEach(port -> names.add(port.path("name").asText()));
        return names;
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void probesAskTheHealthEndpointsOnTheApplicationPort(String directory) throws IOException {
        // health stays on the application port: the configuration the probes rely on
        String shared = Files.readString(Manifests.ROOT.resolve("commons/src/main/resources/META-INF/microprofile-config.properties"));
        String gateway = Files.readString(Manifests.ROOT.resolve("gateway/src/main/resources/application.properties"));
        assertTrue(shared.contains("\nquarkus.smallrye-health.management.enabled=false"), "commons: health on the application port");
        assertTrue(gateway.contains("\nquarkus.smallrye-health.management.enabled=false"), "gateway: health on the application port");

        for (JsonNode deployment : deployments(render(directory))) {
            JsonNode container = Manifests.container(deployment);
            int httpPort = -1;
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals("http")) {
                    httpPort = port.path("containerPort").asInt();
                }
            }
            Service service = Service.byName(Manifests.name(deployment));
            assertEquals(PORTS.port(service), httpPort, Manifests.id(deployment) + ": http port");
            assertEquals(String.valueOf(httpPort), Manifests.env(container, "QUARKUS_HTTP_PORT").orElseThrow().path("value").asText(),
                    Manifests.id(deployment) + ": QUARKUS_HTTP_PORT is the http port");
            Map<String, String> paths = Map.of(
                    "startupProbe", "/q/health/started",
                    // the gateway's readiness asks every service: one down would take every gateway pod out (see gateway.yaml)
                    "readinessProbe", service == Service.GATEWAY ? "/q/health/live" : "/q/health/ready",
                    "livenessProbe", "/q/health/live");
            paths.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), Manifests.id(deployment) + ": " + probe);
                assertEquals("http", get.path("port").asText(), Manifests.id(deployment) + ": " + probe + " on the application port");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyVariableComposeGivesAnApplicationIsSetAndEveryReferenceResolves(String directory) throws IOException {
        List<JsonNode> objects = render(directory);
        JsonNode settings = Manifests.get(objects, "ConfigMap", "shop-platform-settings").path("data");
        Map<String, Map<String, Object>> compose = composeEnvironments();
        List<String> problems = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonNode deployment = Manifests.get(objects, "Deployment", service.module());
            JsonNode container = Manifests.container(deployment);
            for (String variable : compose.get(service.module()).keySet()) {
                if (Manifests.env(container, variable).isEmpty() && !NOT_NEEDED_IN_KUBERNETES.containsKey(service.module() + "/" + variable)) {
                    problems.add(service.module() + ": " + variable + " (set in docker-compose.yml) is not set");
                }
            }
            Set<String> names = new HashSet<>();
            for (JsonNode entry : container.path("env")) {
                String name = entry.path("name").asText();
                if (!names.add(name)) {
                    problems.add(service.module() + ": " + name + " twice");
                }
                JsonNode reference = entry.path("valueFrom").path("configMapKeyRef");
                if (!reference.isMissingNode()) {
                    if (!reference.path("name").asText().equals("shop-platform-settings")) {
                        problems.add(service.module() + ": " + name + " from an unknown ConfigMap " + reference.path("name"));
                    } else if (!settings.has(reference.path("key").asText()) && !reference.path("optional").asBoolean()) {
                        problems.add(service.module() + ": " + name + " needs the setting " + reference.path("key") + ", which is not there");
                    }
                }
            }
            if (service.database() != null) {
                String key = Manifests.env(container, "QUARKUS_DATASOURCE_JDBC_URL").orElseThrow()
                        .path("valueFrom").path("configMapKeyRef").path("key").asText();
                if (!settings.path(key).asText().matches("jdbc:postgresql://[^/]+/" + service.database() + "([?].*)?")) {
                    problems.add(service.module() + ": " + key + " is not a URL of the database " + service.database());
                }
            }
            if (service.routeVariable() != null) {
                JsonNode gateway = Manifests.container(Manifests.get(objects, "Deployment", Service.GATEWAY.module()));
                String url = Manifests.env(gateway, service.routeVariable()).map(entry -> entry.path("value").asText()).orElse("");
                JsonNode target = Manifests.get(objects, "Service", service.module());
                String expected = "http://" + Manifests.name(target) + ":" + target.path("spec").path("ports").get(0).path("port").asInt();
                if (!url.equals(expected)) {
                    problems.add("gateway: " + service.routeVariable() + " is '" + url + "', not its Service " + expected);
                }
            }
        }
        assertEquals(List.of(), problems, directory);
    }

    /** docker-compose.yml's environment per application (SnakeYAML: compose uses anchors and merge keys). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeEnvironments() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Manifests.ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Map<String, Object>> environments = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            Map<String, Object> definition = (Map<String, Object>) services.get(service.module());
            environments.put(service.module(), (Map<String, Object>) definition.get("environment"));
        }
        return environments;
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void keyFilesComeFromMountedSecretsAndOnlyCustomerServiceHasTheSigningKey(String directory) {
        for (JsonNode deployment : deployments(render(directory))) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = Manifests.container(deployment);
            for (JsonNode entry : container.path("env")) {
                if (!entry.path("name").asText().endsWith("_LOCATION")) {
                    continue;
                }
                Path file = Path.of(entry.path("value").asText());
                JsonNode mount = Manifests.elements(container.path("volumeMounts")).stream()
                        .filter(candidate -> file.getParent().equals(Path.of(candidate.path("mountPath").asText())))
                        .findFirst().orElseThrow(() -> new AssertionError(Manifests.id(deployment) + ": nothing mounted at " + file.getParent()));
                assertTrue(mount.path("readOnly").asBoolean(), Manifests.id(deployment) + ": " + file + " is mounted read-only");
                JsonNode volume = Manifests.elements(pod.path("volumes")).stream()
                        .filter(candidate -> candidate.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
                assertTrue(volume.has("secret"), Manifests.id(deployment) + ": " + file + " comes from a Secret");
            }
            boolean signingKey = Manifests.elements(pod.path("volumes")).stream()
                    .anyMatch(volume -> volume.path("secret").path("secretName").asText().equals("shop-jwt-signing-key"));
            assertEquals(Manifests.name(deployment).equals(Service.CUSTOMER.module()), signingKey, Manifests.id(deployment) + ": signing key");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void nothingSecretIsWrittenDown(String directory) {
        List<JsonNode> objects = render(directory);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            if (Manifests.kind(object).equals("Secret")) {
                problems.add(Manifests.id(object) + ": Secrets are created by the operator, never shipped");
            }
            if (ApiSchemas.json(object).contains("PRIVATE KEY")) {
                problems.add(Manifests.id(object) + ": contains a key");
            }
        }
        Manifests.get(objects, "ConfigMap", "shop-platform-settings").path("data").fieldNames().forEachRemaining(key -> {
            if (SECRET_NAME.matcher(key.toUpperCase(Locale.ROOT).replace('-', '_')).find()) {
                problems.add("shop-platform-settings: " + key + " looks like a secret: put it in a Secret");
            }
        });
        for (JsonNode deployment : deployments(objects)) {
            for (JsonNode entry : Manifests.container(deployment).path("env")) {
                String name = entry.path("name").asText();
                if (SECRET_NAME.matcher(name).find() && !name.endsWith("_LOCATION") && !entry.path("valueFrom").has("secretKeyRef")) {
                    problems.add(Manifests.id(deployment) + ": " + name + " is not taken from a Secret");
                }
            }
        }
        assertEquals(List.of(), problems, directory);
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void podsRunLockedDownWithResourcesSet(String directory) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : deployments(render(directory))) {
            String id = Manifests.id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = Manifests.container(deployment);
            check(problems, pod.path("securityContext").path("runAsNonRoot").asBoolean(), id + ": runAsNonRoot");
            check(problems, "RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText()), id + ": seccomp");
            check(problems, pod.has("automountServiceAccountToken") && !pod.path("automountServiceAccountToken").asBoolean(true),
                    id + ": no service account token (the applications never call the API server)");
            JsonNode security = container.path("securityContext");
            check(problems, security.path("readOnlyRootFilesystem").asBoolean(), id + ": read-only root file system");
            check(problems, security.has("allowPrivilegeEscalation") && !security.path("allowPrivilegeEscalation").asBoolean(true),
                    id + ": no privilege escalation");
            check(problems, Manifests.elements(security.path("capabilities").path("drop")).stream().anyMatch(c -> c.asText().equals("ALL")),
                    id + ": every capability dropped");
            // the JVM, Vert.x and uploads need a writable /tmp on a read-only root
            check(problems, Manifests.elements(container.path("volumeMounts")).stream().anyMatch(mount -> mount.path("mountPath").asText()
                    .equals("/tmp") && Manifests.elements(pod.path("volumes")).stream().anyMatch(volume -> volume.path("name").asText()
                    .equals(mount.path("name").asText()) && volume.has("emptyDir"))), id + ": /tmp is an emptyDir");
            JsonNode resources = container.path("resources");
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    check(problems, resources.path(kind).hasNonNull(resource), id + ": " + kind + "." + resource);
                }
            }
            // the JVM sizes its heap from the limit: a request below it would let the node run out under it
            check(problems, resources.path("requests").path("memory").equals(resources.path("limits").path("memory")),
                    id + ": memory request = limit");
        }
        assertEquals(List.of(), problems, directory);
    }

    private static void check(List<String> problems, boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void oneIngressLeadsToTheGateway(String directory) {
        List<JsonNode> objects = render(directory);
        List<JsonNode> ingresses = Manifests.ofKind(objects, "Ingress");
        assertEquals(1, ingresses.size(), directory);
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                assertEquals(Service.GATEWAY.module(), backend.path("name").asText());
                JsonNode service = Manifests.get(objects, "Service", backend.path("name").asText());
                assertTrue(Manifests.elements(service.path("spec").path("ports")).stream()
                        .anyMatch(port -> port.path("name").asText().equals(backend.path("port").path("name").asText())));
            }
        }
    }

    @Test
    void tracingIsExportedInTheClusterAndTheProductionImagesArePinned() {
        for (String directory : List.of("base", "overlays/production")) {
            JsonNode settings = Manifests.get(render(directory), "ConfigMap", "shop-platform-settings").path("data");
            assertEquals("false", settings.path("otel-sdk-disabled").asText(), directory + ": tracing on");
            assertTrue(settings.path("otel-exporter-otlp-endpoint").asText().matches("https?://.+"), directory + ": an OTLP endpoint");
        }
        for (JsonNode deployment : deployments(render("overlays/production"))) {
            String image = Manifests.container(deployment).path("image").asText();
            assertTrue(image.matches("[^/]+\\.[^/]+/.+:[^:/]+") && !image.endsWith(":latest"),
                    Manifests.id(deployment) + ": an image from a registry with a fixed tag, not " + image);
        }
    }
}
