package shop.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import shop.devstack.PortPlan;
import shop.devstack.Stack;
import shop.devstack.StackOptions;

/**
 * The whole platform, started once per test run exactly as devstack starts it (the same {@link Stack}
 * class, the packaged services as separate JVMs), on free ports and in a fresh data directory so that
 * it never touches a developer's running stack. Tests talk to it only through the gateway.
 */
final class RunningPlatform {
    private static Stack stack;
    private static String adminToken;

    private RunningPlatform() {
    }

    static synchronized Stack stack() {
        if (stack == null) {
            try {
                Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
                Path data = Files.createTempDirectory("shop-system-test-");
                stack = new Stack(StackOptions.forProject(root)
                        .dataDir(data)
                        .ports(PortPlan.randomFree())
                        .progress(line -> System.out.println("[stack] " + line)))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-platform"));
            } catch (IOException e) {
                throw new UncheckedIOException("the platform did not start", e);
            }
            RestAssured.baseURI = stack.gatewayUrl();
        }
        return stack;
    }

    static String signIn(String json) {
        stack();
        return RestAssured.given().contentType(ContentType.JSON).body(json)
                .when().post("/api/auth/token")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    /** Signed in once and reused: the gateway rightly limits how often one address may sign in. */
    static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = signIn("{\"login\":\"admin\",\"password\":\"admin\"}");
        }
        return adminToken;
    }
}
