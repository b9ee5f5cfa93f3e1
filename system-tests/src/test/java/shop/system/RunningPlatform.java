package shop.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.ObjectMapperConfig;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.awaitility.Awaitility;
import shop.devstack.infra.JwtKeys;
import shop.devstack.Stack;
import shop.devstack.StackOptions;

/**
 * The whole platform, started once per test run exactly as devstack starts it (the same {@link Stack}
 * class, the packaged services as separate JVMs), on free ports and in a fresh data directory so that
 * it never touches a developer's running stack. Tests talk to it only through the gateway. Public for the
 * browser tests in {@code shop.system.web}.
 */
public final class RunningPlatform {
    private static Stack stack;
    private static String adminToken;
    private static Path data;

    static {
        // The platforms' SMTP servers (GreenMail) and span receivers run in this JVM. When a test SIGKILLs a
        // service in the middle of an SMTP conversation, GreenMail's connection thread ends with "Connection
        // reset" as an uncaught exception. Awaitility would by default fail whichever await runs at that moment,
        // in any class (the chaos class runs beside the others): an await here judges only its own condition.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        // RestAssured's default builds a new ObjectMapper (findAndRegisterModules: a service-loader scan of the
        // class path) for every body it reads or writes; one mapper for all requests (OwnPlatform's too)
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        RestAssured.config = RestAssured.config().objectMapperConfig(
                ObjectMapperConfig.objectMapperConfig().jackson2ObjectMapperFactory((type, charset) -> json));
    }

    private RunningPlatform() {
    }

    public static synchronized Stack stack() {
        if (stack == null) {
            try {
                stack = start();
            } catch (IOException e) {
                // the cause in the message: the summary line is all a CI log shows of a failed @BeforeAll
                throw new UncheckedIOException("the platform did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-platform"));
            RestAssured.baseURI = stack.gatewayUrl();
        }
        return stack;
    }

    private static Stack start() throws IOException {
        StackOptions options = OwnPlatform.options("system-test", 1)
                // every test signs in from 127.0.0.1: the gateway's per-address sign-in limit
                // (tested in the gateway's own tests) would otherwise throttle the suite
                .environment("SHOP_GATEWAY_RATE_LIMIT_SIGN_IN_REQUESTS", "1000")
                .environment("SHOP_GATEWAY_RATE_LIMIT_SIGN_IN_BURST", "1000")
                // unpaid card orders expire within a test's patience (30 min in production)
                .environment("SHOP_ORDERS_UNPAID_TIMEOUT", "PT40S")
                .environment("SHOP_ORDERS_EXPIRY_INTERVAL", "2s")
                // tracing: every application exports its spans to the test JVM (TraceSystemTest)
                .environment("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", SpanReceiver.shared().endpoint())
                .environment("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                .environment("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms")
                .progress(line -> System.out.println("[stack] " + line));
        data = options.dataDir();
        return new Stack(options).start();
    }

    /** The stack's own signing key, for tokens that are correctly signed but otherwise wrong. */
    public static PrivateKey signingKey() {
        try {
            stack();
            return JwtKeys.ensure(data.resolve("keys")).privateKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String signIn(String json) {
        stack();
        return RestAssured.given().contentType(ContentType.JSON).body(json)
                .when().post("/api/auth/token")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    /** The password of every customer {@link #newCustomerToken()} registers (for signing in in a browser). */
    public static final String CUSTOMER_PASSWORD = "shopper-pass";

    /** Registers a fresh customer (unique email and phone) and returns its access token. */
    public static String newCustomerToken() {
        stack();
        String email = "shopper-" + java.util.UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String phone = "+7916" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
        RestAssured.given().contentType(ContentType.JSON).body("""
                        {"firstName":"Olga","lastName":"Ivanova","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, phone, CUSTOMER_PASSWORD))
                .when().post("/api/customers")
                .then().statusCode(201);
        return signIn("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, CUSTOMER_PASSWORD));
    }

    /** Signed in once and reused: the gateway rightly limits how often one address may sign in. */
    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = signIn("{\"login\":\"admin\",\"password\":\"admin\"}");
        }
        return adminToken;
    }
}
