package shop.catalog.image;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import shop.devstack.infra.ChildProcess;
import shop.devstack.infra.Ports;
import shop.devstack.infra.TempDirs;

/**
 * Adobe's S3Mock, a real S3-compatible server (Maven artifact {@code com.adobe.testing:s3mock}, copied
 * to {@code target/s3mock/s3mock.jar} by the build), in its own JVM on loopback ports, with one bucket.
 */
public class S3MockResource implements QuarkusTestResourceLifecycleManager {
    static final String BUCKET = "shop-test-images";

    private ChildProcess process;
    private Path dir;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of("target", "s3mock", "s3mock.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it in generate-test-resources");
        }
        dir = TempDirs.create("s3mock");
        int port = Ports.free();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = ChildProcess.dieWithParent("KILL", List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                // plain HTTP on loopback; S3Mock's extra connector gets a free port instead of its fixed 9090
                "--server.ssl.enabled=false", "--server.address=127.0.0.1", "--server.port=" + port,
                "--com.adobe.testing.s3mock.http-port=" + Ports.free(),
                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store"),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        try {
            process = ChildProcess.start("s3mock", command, Map.of(), dir, dir.resolve("s3mock.log"), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start S3Mock", e);
        }
        String endpoint = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        try {
            Awaitility.await("S3Mock listening on " + endpoint).atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("S3Mock exited: " + process.logTail(30));
                        }
                        return http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("S3Mock did not start: " + e.getMessage(), e);
        }
        return Map.of(
                "shop.catalog.images.storage", "s3",
                "shop.catalog.images.s3.endpoint", endpoint,
                "shop.catalog.images.s3.bucket", BUCKET,
                "shop.catalog.images.s3.region", "eu-central-1",
                "shop.catalog.images.s3.access-key-id", "test-key",
                "shop.catalog.images.s3.secret-access-key", "test-secret");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
        if (dir != null) {
            TempDirs.deleteRecursively(dir);
            dir = null;
        }
    }
}
