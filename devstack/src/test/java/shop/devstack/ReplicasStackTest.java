package shop.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.devstack.infra.Ports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replicas and supervision of the stack, with stand-in applications ({@link FakeService}). */
class ReplicasStackTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void runsEveryInstanceOnItsOwnPorts_andRestartsOneThatCrashes_butNotOneStoppedOnPurpose() throws Exception {
        writeFakeJars();
        PortPlan ports = PortPlan.randomFree(2);
        List<String> progress = new CopyOnWriteArrayList<>();
        Stack stack = new Stack(StackOptions.forProject(root).ports(ports).replicas(Service.ORDER, 2)
                .services(Set.of(Service.GATEWAY, Service.ORDER)).progress(progress::add)).start();
        try {
            int first = ports.port(Service.ORDER);
            int second = ports.port(Service.ORDER, 2);
            assertEquals(first + PortPlan.MAX_APPLICATIONS, second);
            String gatewayEnv = get(stack.gatewayUrl() + "/env");
            assertTrue(gatewayEnv.contains("SHOP_SERVICES_ORDER_URL=http://127.0.0.1:" + first + ",http://127.0.0.1:" + second),
                    gatewayEnv);
            assertTrue(gatewayEnv.contains("SHOP_SERVICES_CATALOG_URL=http://127.0.0.1:" + ports.port(Service.CATALOG) + "\n"),
                    "a service that runs once: one URL, as before");
            String secondEnv = get(stack.instanceUrl(Service.ORDER, 2) + "/env");
            assertTrue(secondEnv.contains("QUARKUS_MANAGEMENT_PORT=" + ports.managementPort(Service.ORDER, 2)), secondEnv);
            assertTrue(secondEnv.contains("SHOP_INSTANCE_ID=order-service-2"), secondEnv);
            assertTrue(secondEnv.contains("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_CLIENT_ID_PREFIX=order-service-2-"), secondEnv);
            assertTrue(get(stack.serviceUrl(Service.ORDER) + "/env").contains("SHOP_INSTANCE_ID=order-service-1"));
            assertTrue(Files.exists(root.resolve(".devstack/logs/order-service-2.log")));
            assertEquals(List.of("order-service#1", "order-service#2", "gateway"),
                    InstanceList.read(root.resolve(".devstack")).stream().map(InstanceList.Entry::name).toList());
            assertTrue(progress.stream().anyMatch(line -> line.contains("order-service#2") && line.contains("ready in")), progress.toString());

            // a crash (SIGKILL behind the stack's back) is restarted after its back-off
            long killed = stack.crashInstance(Service.ORDER, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> progress.contains(
                    "order-service#2 exited with code 137; restarting in 1 s (restart 1)"));
            await().atMost(Duration.ofSeconds(60)).until(() -> progress.contains("order-service#2 is back")
                    || progress.stream().anyMatch(line -> line.startsWith("order-service#2 is back")));
            assertNotEquals(killed, stack.pid(Service.ORDER, 2).orElseThrow());
            assertTrue(get(stack.instanceUrl(Service.ORDER, 2) + "/env").contains("SHOP_INSTANCE_ID=order-service-2"));
            assertTrue(Ports.isListening(first), "the other instance kept running");

            // a deliberate stop stays stopped
            stack.stopInstance(Service.ORDER, 2);
            assertFalse(Ports.isListening(second));
            assertTrue(stack.pid(Service.ORDER, 2).isEmpty());
            assertEquals(1, progress.stream().filter(line -> line.contains("exited with code")).count(), progress.toString());
        } finally {
            stack.close();
        }
    }

    @Test
    void leavesACrashedInstanceDead_whenRestartsAreOff() throws Exception {
        writeFakeJars();
        List<String> progress = new CopyOnWriteArrayList<>();
        Stack stack = new Stack(StackOptions.forProject(root).ports(PortPlan.randomFree()).restart(false)
                .services(Set.of(Service.ORDER)).progress(progress::add)).start();
        try {
            stack.crashInstance(Service.ORDER, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> progress.contains(
                    "order-service exited with code 137; not restarted (restarts are off)"));
            assertEquals(Set.of(), stack.runningServices());
        } finally {
            stack.close();
        }
    }

    @Test
    void backOffDoublesUpToThirtySeconds() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(Supervisor::delay).map(Duration::toSeconds).toList());
    }

    @Test
    void parsesReplicasForAllServicesAndPerService() {
        StackOptions options = StackOptions.forProject(root);
        Replicas.apply("2", options);
        Replicas.apply("order-service=3,catalog=1", options);
        assertEquals(3, options.replicas(Service.ORDER));
        assertEquals(1, options.replicas(Service.CATALOG));
        assertEquals(2, options.replicas(Service.ANALYTICS));
        assertEquals(1, options.replicas(Service.GATEWAY), "the gateway runs once");
        assertEquals(3, options.maxReplicas());
        Replicas.apply("4", options);
        assertEquals(3, options.replicas(Service.ORDER), "a per-service count wins over the count for all");
        assertThrows(IllegalArgumentException.class, () -> Replicas.apply("gateway=2", options));
        assertThrows(IllegalArgumentException.class, () -> Replicas.apply("order-service=0", options));
        assertThrows(IllegalArgumentException.class, () -> Replicas.apply("payments=2", options));
        assertThrows(IllegalArgumentException.class, () -> Replicas.apply("two", options));
    }

    @Test
    void instancePortsStayClearOfEveryOtherPortOfThePlan() {
        PortPlan defaults = PortPlan.defaults();
        assertEquals(8092, defaults.port(Service.ORDER, 2));
        assertEquals(9012, defaults.managementPort(Service.ORDER, 2));
        assertEquals(8082, defaults.port(Service.ORDER, 1));
        PortPlan random = PortPlan.randomFree(3);
        assertEquals(5 * 3 * 2 + 5, random.describe(3).size(), "no port of the plan used twice: " + random.describe(3));
        assertEquals(5 * PortPlan.MAX_INSTANCES * 2 + 5, defaults.describe(PortPlan.MAX_INSTANCES).size());
    }

    private void writeFakeJars() throws Exception {
        for (Service service : Service.values()) {
            StackTest.writeFakeJar(root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar"));
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }
}
