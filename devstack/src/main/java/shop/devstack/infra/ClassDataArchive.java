package shop.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dynamic class-data-sharing archive (JDK CDS) for one kind of JVM, e.g. catalog-service in the dev
 * profile: the classes it loaded until it was ready, already parsed, verified and laid out, mapped from a
 * file at the next start instead of being loaded again. It cuts the CPU of an application's start by about
 * a third (docs/benchmarks.md), and a start of the whole platform is CPU-bound on two cores.
 *
 * <p>Trained, not built: a start with no archive for exactly these classes and flags runs with
 * {@code -XX:+RecordDynamicDumpInfo}, and {@link #train} later asks that JVM ({@code jcmd VM.cds
 * dynamic_dump}) to write the archive, into a file of its own that is then moved into place, so JVMs
 * training side by side never write one file. A dump holds the JVM still for some seconds and costs
 * about as much CPU as a start, once per build: devstack has it done when the platform stops
 * ({@code Stack#close}). Every later start maps the archive.
 *
 * <p>The archive's name carries a key over what it was made from: every file of the application (path,
 * size, modification time), the JVM and the flags. A rebuild or another profile finds no archive and
 * trains again; archives of older keys are deleted then. The JVM checks the archive itself as well and
 * starts without it if anything does not match ({@code -Xshare:auto}, the default), so a stale or broken
 * archive costs speed, never a start. {@code SHOP_DEVSTACK_CDS=false} turns all of it off (to measure
 * without, or when a JDK cannot dump).
 */
public final class ClassDataArchive {
    private final Path directory;
    private final String name;
    private final Path file;
    private final boolean enabled;
    private final boolean train;

    private ClassDataArchive(Path directory, String name, String key, boolean enabled, boolean train) {
        this.directory = directory;
        this.name = name;
        this.file = directory.resolve(name + "-" + key + ".jsa");
        this.enabled = enabled;
        this.train = train;
    }

    /**
     * The archive of the JVM named {@code name} (a file name part, e.g. {@code dev}) kept in
     * {@code directory}, for the application made of the files under {@code application} started with
     * {@code jvmFlags}; {@code train}: whether a start without one prepares the JVM for {@link #train}.
     */
    public static ClassDataArchive of(Path directory, String name, Path application, List<String> jvmFlags,
                                      boolean train) {
        boolean enabled = !"false".equalsIgnoreCase(System.getenv("SHOP_DEVSTACK_CDS")) && Files.isExecutable(jcmd())
                && Files.isDirectory(application); // not built: the start fails anyway, with its own message
        return new ClassDataArchive(directory, name, enabled ? key(application, jvmFlags) : "off", enabled, train);
    }

    /** The archive file this JVM uses or trains. */
    public Path file() {
        return file;
    }

    /** Whether a start will use an archive. */
    public boolean exists() {
        return enabled && Files.isRegularFile(file);
    }

    /** Whether a start will be prepared for {@link #train} (there is no archive yet, and training is wanted). */
    public boolean trains() {
        return enabled && train && !exists();
    }

    /** Flags for the JVM's command line: use the archive, or record what a dump after start needs. */
    public List<String> jvmFlags() {
        if (!exists() && !trains()) {
            return List.of();
        }
        // the dump's warnings (each class it skips, thousands of lines) are not the application's log
        return exists()
                ? List.of("-XX:SharedArchiveFile=" + file)
                : List.of("-XX:+RecordDynamicDumpInfo", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Has the running JVM {@code pid} (started with {@link #jvmFlags()} while no archive existed) write
     * the archive; does nothing when one exists meanwhile or training is off. Answers whether an archive
     * was written. Blocking: the JVM is held still while it writes (seconds).
     */
    public boolean train(long pid) {
        if (!trains()) {
            return false;
        }
        Path partial = directory.resolve(name + "." + pid + ".jsa.partial");
        try {
            Files.createDirectories(directory);
            Process jcmd = new ProcessBuilder(jcmd().toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                    partial.toString()).redirectErrorStream(true).start();
            String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until jcmd ends
            if (jcmd.waitFor() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                // e.g. the JVM stopped meanwhile; the next start trains again
                System.err.println("devstack: no class-data archive " + file.getFileName() + " from pid " + pid + ": "
                        + said.strip().replaceAll("\\s+", " "));
                return false;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            deleteOlderArchives();
            return true;
        } catch (IOException e) {
            return false; // a start without an archive still works
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover partial file is only disk space, deleted with target/
            }
        }
    }

    /** Archives of this name made from other builds or flags: never used again. */
    private void deleteOlderArchives() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path other : files.toList()) {
                String fileName = other.getFileName().toString();
                if (!other.equals(file) && fileName.startsWith(name + "-") && fileName.endsWith(".jsa")) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private static Path jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** What the archive was made from: the application's files, this JVM, the flags. */
    static String key(Path application, List<String> jvmFlags) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>(List.of(System.getProperty("java.home"), System.getProperty("java.vm.version")));
            parts.addAll(jvmFlags);
            try (Stream<Path> files = Files.walk(application)) {
                for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                    parts.add(application.relativize(path) + " " + Files.size(path) + " "
                            + Files.getLastModifiedTime(path).toMillis());
                }
            }
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + application, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
