package shop.devstack;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.devstack.infra.Ports;
import shop.devstack.infra.PostgresAdmin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole stack with stand-in applications ({@link FakeService}) instead of the real ones. */
class StackTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsEverythingWithTheConventionalEnvironment_andStopsEveryProcess() throws Exception {
        for (Service service : Service.values()) {
            writeFakeJar(root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar"));
        }
        PortPlan ports = PortPlan.randomFree();
        List<String> progress = new ArrayList<>();
        // as ./run.sh: the first stop of a build writes the class-data archives of later starts
        Stack stack = new Stack(StackOptions.forProject(root).ports(ports).progress(progress::add).trainClassData(true)).start();
        List<Long> pids = new ArrayList<>();
        try {
            assertEquals(Service.values().length, stack.runningServices().size());
            assertTrue(progress.stream().anyMatch(line -> line.contains("PostgreSQL")), progress.toString());
            pids.addAll(childPids());

            String gatewayEnv = get(stack.gatewayUrl() + "/env");
            assertTrue(gatewayEnv.contains("SHOP_SERVICES_ORDER_URL=http://127.0.0.1:" + ports.port(Service.ORDER)), gatewayEnv);
            assertFalse(gatewayEnv.contains("QUARKUS_DATASOURCE_JDBC_URL"), "the gateway has no database");

            String customerEnv = get(stack.serviceUrl(Service.CUSTOMER) + "/env");
            Path keys = root.resolve(".devstack/keys");
            assertTrue(customerEnv.contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/customers"));
            assertTrue(customerEnv.contains("QUARKUS_DATASOURCE_USERNAME=customers"));
            assertTrue(customerEnv.contains("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + ports.kafka()));
            assertTrue(customerEnv.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + keys.resolve("jwt-public.pem")));
            assertTrue(customerEnv.contains("SMALLRYE_JWT_SIGN_KEY_LOCATION=" + keys.resolve("jwt-private.pem")));
            assertTrue(customerEnv.contains("QUARKUS_MAILER_PORT=" + ports.smtp()));
            assertTrue(customerEnv.contains("SHOP_CUSTOMERS_STOREFRONT_URL=http://localhost:" + ports.port(Service.GATEWAY)), customerEnv);
            String catalogEnv = get(stack.serviceUrl(Service.CATALOG) + "/env");
            assertFalse(catalogEnv.contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"), "only customer-service signs tokens");
            assertTrue(catalogEnv.contains("SHOP_CATALOG_IMAGES_DIR=" + root.resolve(".devstack/images")), catalogEnv);
            String orderEnv = get(stack.serviceUrl(Service.ORDER) + "/env");
            assertTrue(orderEnv.contains("SHOP_PAYMENTS_PUBLIC_URL=http://localhost:" + ports.port(Service.GATEWAY)), orderEnv);
            java.util.Set<Integer> managementPorts = new java.util.HashSet<>();
            for (Service service : Service.values()) {
                String env = get(stack.serviceUrl(service) + "/env");
                // every application runs with the dev stack's profile, never production's defaults
                assertTrue(env.contains("QUARKUS_PROFILE=devstack"), env);
                assertTrue(env.contains("QUARKUS_MANAGEMENT_PORT=" + ports.managementPort(service)), env);
                assertTrue(env.contains("QUARKUS_MANAGEMENT_HOST=127.0.0.1"), env);
                managementPorts.add(ports.managementPort(service));
                assertFalse(ports.port(service) == ports.managementPort(service));
            }
            assertEquals(Service.values().length, managementPorts.size(), "one management port per application");

            for (Service service : Service.values()) {
                if (service.database() != null) {
                    try (Connection ignored = PostgresAdmin.connect(ports.postgres(), service.database(),
                            service.database(), service.database())) {
                        // each application can reach its own database
                    }
                }
            }
            assertTrue(Files.exists(root.resolve(".devstack/logs/catalog-service.log")));

            sendMail(ports.smtp(), "dora@example.com");
            assertEquals("dora@example.com", stack.mailbox().get(0).to());
            assertTrue(get("http://127.0.0.1:" + ports.mailbox() + "/api/messages").contains("dora@example.com"));

            stack.stopService("order-service");
            assertFalse(Ports.isListening(ports.port(Service.ORDER)));
            stack.startService(Service.ORDER);
            assertTrue(Ports.isListening(ports.port(Service.ORDER)));
            pids.addAll(childPids());

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new Stack(StackOptions.forProject(root).ports(ports).services(java.util.Set.of())).start(),
                    "a second stack on the same data and ports is refused");
            assertTrue(refused.getMessage().contains("ports already in use"), refused.getMessage());
            try (Connection ignored = PostgresAdmin.connect(ports.postgres(), "orders", "orders", "orders")) {
                // ...and leaves the running stack's PostgreSQL alone
            }
        } finally {
            stack.close();
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
        for (int port : ports.describe().keySet()) {
            assertFalse(Ports.isListening(port), "port " + port + " still open");
        }
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("Class data for faster starts written")), progress.toString());
        for (Service service : Service.values()) {
            try (java.util.stream.Stream<Path> archives = Files.list(root.resolve(service.module()).resolve("target/cds"))) {
                assertEquals(1, archives.filter(file -> file.getFileName().toString().matches("dev-[0-9a-f]+\\.jsa")).count(),
                        service + " wrote its archive when the stack stopped");
            }
        }
    }

    @Test
    void refusesToStartWhenAnApplicationIsNotBuilt() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new Stack(StackOptions.forProject(root).ports(PortPlan.randomFree())).start());
        assertTrue(error.getMessage().contains("gateway/target/quarkus-app/quarkus-run.jar"), error.getMessage());
    }

    private static List<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).toList();
    }

    /**
     * A jar that runs FakeService, which it holds (JDK classes only): like a real application's, a class
     * path of jars alone, from which a JVM can write a class-data archive.
     */
    static void writeFakeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static void sendMail(int smtpPort, String to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("shop@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Order confirmed");
        message.setText("Thanks");
        Transport.send(message);
    }
}
