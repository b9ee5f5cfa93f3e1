package shop.orders.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local WireMock server playing Sberbank's REST API; order-service pointed at it with test credentials. */
public class SberbankStandIn implements QuarkusTestResourceLifecycleManager {
    public static final String USERNAME = "shop-test-api";
    public static final String PASSWORD = "S3cr3t-Pa55w0rd-9f2k";
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        warmUp();
        return Map.of(
                "shop.payments.provider", "sberbank",
                "shop.payments.sberbank.url", "http://127.0.0.1:" + server.port() + "/payment/rest/",
                "shop.payments.sberbank.username", USERNAME,
                "shop.payments.sberbank.password", PASSWORD,
                // short, so that the timeout tests are quick, but not so short that a busy 2-core CI
                // machine misses an answer the stand-in gives at once (1 s did, once)
                "shop.payments.sberbank.timeout", "PT3S");
    }

    /**
     * One request before the application starts: on a busy machine the first call of a cold WireMock and
     * JDK HTTP client (the same JVM) can take longer than the 1 s timeout the tests configure, which failed
     * whichever test happened to register the first payment.
     */
    private static void warmUp() {
        try {
            java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/__admin/mappings")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
