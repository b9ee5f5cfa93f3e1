package shop.orders.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
     * One request before the application starts: on a busy machine the first call of a cold WireMock can
     * take longer than the short timeout the tests configure, which failed whichever test happened to
     * register the first payment.
     */
    private static void warmUp() {
        try {
            HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/__admin/mappings")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
