package shop.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archives devstack trains on a JVM's first start and maps at every later one. */
class ClassDataArchiveTest {
    private static final List<String> FLAGS = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * A JVM to train on: loads its classes, says so, then stays until the test closes its input (or
     * kills it), so it is alive while it is dumped.
     */
    public static final class Idle {
        public static void main(String[] args) throws IOException {
            System.out.println("ready " + new java.util.concurrent.ConcurrentSkipListMap<String, String>().size());
            if (args.length == 0) {
                System.in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    @Test
    void theFirstStartTrainsTheArchiveAndTheNextStartLoadsItsClassesFromIt(@TempDir Path dir) throws Exception {
        Path application = Files.createDirectories(dir.resolve("app"));
        Files.writeString(application.resolve("app.jar"), "stands for the application's files");
        ClassDataArchive first = ClassDataArchive.of(dir.resolve("cds"), "dev", application, FLAGS, true);
        assertFalse(first.exists());
        assertEquals(List.of(), ClassDataArchive.of(dir.resolve("cds"), "dev", application, FLAGS, false).jvmFlags(),
                "no archive and no training: a plain start");
        assertTrue(first.jvmFlags().contains("-XX:+RecordDynamicDumpInfo"), first.jvmFlags()::toString);

        Process trainee = java(dir, first.jvmFlags(), false);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(trainee.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready 0", out.readLine());
            assertTrue(first.train(trainee.pid()), "the running JVM wrote the archive");
        } finally {
            trainee.destroyForcibly().waitFor();
        }

        ClassDataArchive next = ClassDataArchive.of(dir.resolve("cds"), "dev", application, FLAGS, true);
        assertTrue(next.exists());
        assertEquals(List.of("-XX:SharedArchiveFile=" + next.file()), next.jvmFlags());
        assertFalse(next.train(4242), "an archive is trained once");
        assertEquals(next.jvmFlags(), ClassDataArchive.of(dir.resolve("cds"), "dev", application, FLAGS, false).jvmFlags(),
                "a JVM that does not train uses an archive that exists");
        List<String> flags = new ArrayList<>(next.jvmFlags());
        flags.add("-Xlog:class+load=info");
        Process user = java(dir, flags, true);
        String log = new String(user.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(user.waitFor(30, TimeUnit.SECONDS));
        assertTrue(log.contains(Idle.class.getName() + " source: shared objects file (top)"),
                "the class came from the archive:\n" + log.lines().filter(l -> l.contains("Idle")).toList());
    }

    @Test
    void aRebuiltApplicationOrOtherFlagsFindNoArchiveAndTheirTrainingDeletesTheOldOne(@TempDir Path dir) throws Exception {
        Path application = Files.createDirectories(dir.resolve("app"));
        Path jar = Files.writeString(application.resolve("app.jar"), "build 1");
        Path cds = dir.resolve("cds");
        ClassDataArchive built = ClassDataArchive.of(cds, "dev", application, FLAGS, true);
        Process trainee = java(dir, built.jvmFlags(), false);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(trainee.getInputStream(), StandardCharsets.UTF_8))) {
            out.readLine();
            assertTrue(built.train(trainee.pid()));
        } finally {
            trainee.destroyForcibly().waitFor();
        }

        assertFalse(ClassDataArchive.of(cds, "dev", application, List.of("-Xmx64m"), true).exists(), "other flags");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        ClassDataArchive rebuilt = ClassDataArchive.of(cds, "dev", application, FLAGS, true);
        assertFalse(rebuilt.exists(), "a rebuilt application");
        assertNotEquals(built.file(), rebuilt.file());

        trainee = java(dir, rebuilt.jvmFlags(), false);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(trainee.getInputStream(), StandardCharsets.UTF_8))) {
            out.readLine();
            assertTrue(rebuilt.train(trainee.pid()));
        } finally {
            trainee.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.list(cds)) {
            assertEquals(List.of(rebuilt.file().getFileName().toString()),
                    files.map(f -> f.getFileName().toString()).toList(), "only the current archive is kept");
        }
    }

    /** The JVM to train, from a jar (CDS archives no class path with a non-empty directory, as a build's is). */
    private static Process java(Path dir, List<String> flags, boolean exitAtOnce) throws IOException {
        Path jar = dir.resolve("idle.jar");
        if (!Files.exists(jar)) {
            String entry = Idle.class.getName().replace('.', '/') + ".class";
            try (InputStream classFile = Idle.class.getClassLoader().getResourceAsStream(entry);
                 JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry(entry));
                classFile.transferTo(out);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(FLAGS);
        command.addAll(flags);
        command.addAll(List.of("-cp", jar.toString(), Idle.class.getName()));
        if (exitAtOnce) {
            command.add("exit");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
