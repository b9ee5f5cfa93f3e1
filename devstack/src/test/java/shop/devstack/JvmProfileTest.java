package shop.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./run.sh --jvm}: which flags each profile gives the applications' JVMs. */
class JvmProfileTest {

    @Test
    void theDevProfileIsTheDefaultAndKeepsTheJvmsSmall() {
        StackOptions options = StackOptions.forProject(Path.of("."));
        List<String> command = ServiceProcess.javaCommand(Service.CATALOG, options.projectRoot(), options.jvmProfile(),
                options.maxHeap(Service.CATALOG));

        assertEquals(JvmProfile.DEV, options.jvmProfile());
        assertTrue(command.containsAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")), command::toString);
        assertEquals(options.projectRoot().resolve("catalog-service/target/quarkus-app/quarkus-run.jar").toString(),
                command.get(command.size() - 1));
    }

    @Test
    void theThroughputProfileCompilesWithC2AndGivesLargerHeaps() {
        StackOptions options = StackOptions.forProject(Path.of(".")).jvmProfile(JvmProfile.named("throughput"));
        List<String> command = ServiceProcess.javaCommand(Service.ORDER, options.projectRoot(), options.jvmProfile(),
                options.maxHeap(Service.ORDER));

        assertTrue(command.containsAll(List.of("-Xmx512m", "-XX:+UseParallelGC")), command::toString);
        assertFalse(command.contains("-XX:TieredStopAtLevel=1"), command::toString);
        assertFalse(command.contains("-XX:+UseSerialGC"), command::toString);
    }

    @Test
    void anExplicitHeapWinsOverTheProfilesAndAnUnknownProfileIsRefused() {
        StackOptions options = StackOptions.forProject(Path.of(".")).jvmProfile(JvmProfile.THROUGHPUT)
                .maxHeap(Service.GATEWAY, "96m");

        assertEquals("96m", options.maxHeap(Service.GATEWAY));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JvmProfile.named("fast")).getMessage()
                .contains("dev or throughput"));
    }
}
