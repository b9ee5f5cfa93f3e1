package shop.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.devstack.Service;
import shop.devstack.ServiceProcess;
import shop.devstack.Stack;
import shop.devstack.infra.Ports;
import shop.devstack.infra.PostgresServer;

/**
 * The packaged order-service and customer-service with the production profile (no
 * {@code QUARKUS_PROFILE=devstack}): they refuse to start on the shipped defaults, exiting non-zero with
 * a log naming the settings, and start when configured as docs/deployment.md says. Which other settings
 * are refused is a rule with unit tests of its own ({@code PaymentSettingsTest}, {@code
 * AdminPasswordPolicyTest}); here the refusal is proven once per service, as each JVM start costs about
 * ten seconds of CPU. They use the running platform's PostgreSQL (fresh databases of their own) and Kafka (topics
 * and consumer groups of their own), so the platform's services and data are not touched.
 */
class ProductionProfileSystemTest {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);
    private static final String STRONG_ADMIN_PASSWORD = "tundra-Kettle-47-violet";

    private static Stack stack;
    private static HttpServer bankStandIn;
    private static final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void platform() throws IOException {
        stack = RunningPlatform.stack();
        // the "bank": only its address is needed to start; nothing is paid in these tests
        bankStandIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        bankStandIn.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        bankStandIn.start();
    }

    @AfterAll
    static void stopProcesses() {
        started.forEach(ServiceProcess::stop);
        if (bankStandIn != null) {
            bankStandIn.stop(0);
        }
    }

    @Test
    void both_refuse_the_shipped_defaults() throws IOException {
        ServiceProcess noProvider = launchOrderService("order-service-no-provider", Map.of());
        ServiceProcess noAdminPassword = launchCustomerService("customer-service-no-admin-password", Map.of());
        assertAll(
                () -> assertRefused(noProvider, "no payment provider is configured", "SHOP_PAYMENTS_PROVIDER=sberbank",
                        "SHOP_PAYMENTS_SBERBANK_USERNAME"),
                () -> assertRefused(noAdminPassword, "SHOP_ADMIN_PASSWORD", "is not set"));
    }

    @Test
    void both_start_when_configured_for_production_and_the_sandbox_page_does_not_exist() throws Exception {
        int ordersPort = Ports.free();
        ServiceProcess orders = launch(Service.ORDER, "order-service-production", "orders_production", ordersPort, Map.of(
                "SHOP_PAYMENTS_PROVIDER", "sberbank",
                "SHOP_PAYMENTS_SBERBANK_URL", "http://127.0.0.1:" + bankStandIn.getAddress().getPort() + "/payment/rest",
                "SHOP_PAYMENTS_SBERBANK_USERNAME", "shop-api",
                "SHOP_PAYMENTS_SBERBANK_PASSWORD", "bank-secret",
                "SHOP_PAYMENTS_PUBLIC_URL", "https://shop.example"));
        ServiceProcess customers = launchCustomerService("customer-service-production",
                Map.of("SHOP_ADMIN_PASSWORD", STRONG_ADMIN_PASSWORD));
        orders.awaitReady(EXIT_TIMEOUT);
        customers.awaitReady(EXIT_TIMEOUT);

        // a sandbox payment left in the database (e.g. by an earlier trial): its page and buttons are not served
        UUID payment = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(stack.createDatabase("orders_production"),
                PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD); Statement sql = db.createStatement()) {
            sql.execute("SET session_replication_role = replica"); // no order row needed for this
            sql.execute("INSERT INTO payment (id, order_id, provider, amount, return_url, fail_url, status, created_at, updated_at)"
                    + " VALUES ('" + payment + "', 1, 'sandbox', 10.00, 'https://shop.example/ok', 'https://shop.example/fail',"
                    + " 'pending', now(), now())");
        }
        String page = "http://127.0.0.1:" + ordersPort + "/api/payments/sandbox/" + payment;
        RestAssured.given().get(page).then().statusCode(404);
        RestAssured.given().formParam("outcome", "pay").post(page).then().statusCode(404);
    }

    private static void assertRefused(ServiceProcess process, String... named) throws IOException {
        int exitCode = process.awaitExit(EXIT_TIMEOUT);
        String log = process.logTail(80);
        assertNotEquals(0, exitCode, log);
        assertTrue(log.contains("refuses to start"), log);
        for (String setting : named) {
            assertTrue(log.contains(setting), "the log names " + setting + ":\n" + log);
        }
    }

    private static ServiceProcess launchOrderService(String name, Map<String, String> settings) throws IOException {
        return launch(Service.ORDER, name, "orders_production", Ports.free(), settings);
    }

    private static ServiceProcess launchCustomerService(String name, Map<String, String> settings) throws IOException {
        return launch(Service.CUSTOMER, name, "customers_production", Ports.free(), settings);
    }

    /** The application with the stack's environment minus the devstack profile, plus {@code settings}. */
    private static ServiceProcess launch(Service service, String name, String database, int port,
                                         Map<String, String> settings) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(isolatedMessaging(service));
        env.put("QUARKUS_PROFILE", ""); // removed: the packaged jar's own profile, prod
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.createDatabase(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", database);
        env.put("QUARKUS_DATASOURCE_PASSWORD", database);
        env.putAll(settings);
        ServiceProcess process = stack.launch(service, name, port, Ports.free(), env);
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    /**
     * Every incoming channel of the application (from its application.properties) on a topic and
     * consumer group of its own: these processes must neither take partitions from the platform's
     * consumers nor act on the platform's events.
     */
    private static Map<String, String> isolatedMessaging(Service service) {
        Path properties = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize()
                .resolve(service.module()).resolve("src/main/resources/application.properties");
        Matcher channel = Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.([A-Za-z0-9._-]+?)\\.topic=(.*)$")
                .matcher(read(properties));
        Map<String, String> env = new LinkedHashMap<>();
        while (channel.find()) {
            String variable = "MP_MESSAGING_INCOMING_" + channel.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
            env.put(variable + "_TOPIC", "production-test." + channel.group(2).trim());
            env.put(variable + "_GROUP_ID", "production-test-" + service.module());
        }
        return env;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
