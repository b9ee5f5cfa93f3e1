package shop.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import shop.devstack.infra.JwtKeys;
import shop.devstack.infra.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JWT key pair for {@code @QuarkusTest}s (one per test JVM, in a temporary directory): the
 * service verifies with the public key, {@link TestTokens} and customer-service sign with the
 * private one.
 *
 * <pre>{@code @QuarkusTestResource(JwtResource.class)}</pre>
 */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "shop-platform";
    private static final String KEY_DIR_KEY = "shop.devstack.test.jwt.keys";

    @Override
    public Map<String, String> start() {
        JwtKeys keys = keys();
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "smallrye.jwt.sign.key.location", keys.privateKeyFile().toString());
    }

    @Override
    public void stop() {
        // keys stay for the whole JVM
    }

    /** This JVM's test key pair, generated on first use. */
    public static JwtKeys keys() {
        // generated inside the JVM-wide lock, so two threads never write different pairs
        String dir = JvmShared.getOrCreate(KEY_DIR_KEY, () -> {
            Path keyDir = TempDirs.create("jwt");
            JvmShared.onExit("jwt", () -> TempDirs.deleteRecursively(keyDir));
            ensure(keyDir);
            return keyDir.toString();
        });
        return ensure(Path.of(dir));
    }

    private static JwtKeys ensure(Path dir) {
        try {
            return JwtKeys.ensure(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
