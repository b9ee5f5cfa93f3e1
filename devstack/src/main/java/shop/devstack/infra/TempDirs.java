package shop.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary directories for test servers. Each one records the PID of the JVM that owns it, so
 * directories left behind by a killed test JVM are removed by the next run.
 */
public final class TempDirs {

    private static final String PREFIX = "shop-devstack-";
    private static final String OWNER_FILE = "owner.pid";

    private TempDirs() {
    }

    /** Creates {@code <tmp>/shop-devstack-<purpose>-XXXX}, owned by this JVM. */
    public static Path create(String purpose) {
        removeAbandoned();
        try {
            Path dir = Files.createTempDirectory(PREFIX + purpose + "-");
            Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree; quietly ignores what cannot be deleted. */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    private static void removeAbandoned() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(OWNER_FILE);
                if (Files.exists(owner) && !ownerAlive(owner)) {
                    deleteRecursively(dir);
                }
            }
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private static boolean ownerAlive(Path ownerFile) {
        try {
            return Signals.isRunning(Long.parseLong(Files.readString(ownerFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return true; // unsure: leave it
        }
    }
}
