package shop.system;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import shop.devstack.PortPlan;
import shop.devstack.Stack;
import shop.devstack.StackOptions;
import shop.devstack.infra.TempDirs;

/**
 * A platform started exactly as devstack starts it (the same {@link Stack} class, the packaged services as
 * separate JVMs), on free ports and in a fresh data directory, so that it never touches a developer's running
 * stack. {@link RunningPlatform} is the one shared by most classes; a class that must start the platform
 * differently (replicas) or break it (chaos) starts one of these once, in {@code @BeforeAll}, and closes it in
 * {@code @AfterAll}. Its requests go through its own gateway ({@link #given()}), never RestAssured's global
 * base URI, which belongs to the shared platform.
 */
final class OwnPlatform implements AutoCloseable {
    /**
     * The {@code @ResourceLock} of the classes with a platform of their own: they run beside the shared
     * platform's classes, one after the other (the shared platform and one more is what 2 cores carry).
     */
    static final String ONE_AT_A_TIME = "a platform of the class's own";

    private final Stack stack;
    private final Path data;
    private final RequestSpecification gateway;
    private String adminToken;

    private OwnPlatform(Stack stack, Path data) {
        this.stack = stack;
        this.data = data;
        this.gateway = new RequestSpecBuilder().setBaseUri(stack.gatewayUrl())
                // a request to a service that has just died must not hang a client forever
                .setConfig(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000)))
                .build();
    }

    /**
     * What every system test platform starts with: the project's packaged applications, a fresh temporary
     * data directory, free ports for {@code instances} instances of each application, progress on stdout.
     */
    static StackOptions options(String tag, int instances) throws IOException {
        Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
        return StackOptions.forProject(root)
                .dataDir(Files.createTempDirectory("shop-" + tag + "-"))
                .ports(PortPlan.randomFree(instances))
                .progress(line -> System.out.println("[" + tag + " stack] " + line));
    }

    /**
     * For platforms whose tests kill instances: a killed instance's Kafka partitions go to the others (or its
     * restart) after 6 s, the broker's minimum session, instead of the clients' default 45 s that every kill
     * otherwise waits out. The saga then runs on while an instance is being killed, so an order mail may go
     * out twice (with the same Message-ID): {@link OrderStreamScenario} allows that per order-service crash.
     */
    static StackOptions quickFailover(StackOptions options) {
        return options.environment("KAFKA_SESSION_TIMEOUT_MS", "6000")
                .environment("KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
    }

    /**
     * Starts a platform of the class's own: {@link #options} changed by {@code customize} (e.g. replicas,
     * environment). The shared platform starts first, so that its ports are bound before this one picks free ports.
     */
    static OwnPlatform start(String tag, int instances, UnaryOperator<StackOptions> customize) throws IOException {
        RunningPlatform.stack();
        StackOptions options = customize.apply(options(tag, instances));
        Stack stack = new Stack(options);
        try {
            stack.start();
        } catch (IOException | RuntimeException e) {
            TempDirs.deleteRecursively(options.dataDir());
            throw e;
        }
        return new OwnPlatform(stack, options.dataDir());
    }

    Stack stack() {
        return stack;
    }

    /** A request to this platform's gateway. */
    RequestSpecification given() {
        return RestAssured.given().spec(gateway);
    }

    /** Signed in once and reused: the gateway rightly limits how often one address may sign in. */
    synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = given().contentType(ContentType.JSON).body(Map.of("login", "admin", "password", "admin"))
                    .when().post("/api/auth/token").then().statusCode(200).extract().path("accessToken");
        }
        return adminToken;
    }

    @Override
    public void close() {
        stack.close();
        TempDirs.deleteRecursively(data);
    }
}
