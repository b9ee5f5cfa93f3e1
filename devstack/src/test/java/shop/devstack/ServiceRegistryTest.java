package shop.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link Service} is the one registry of the applications; what devstack, the launcher and the system
 * tests do per service is derived from it. The static files that cannot read it (the build, containers,
 * the database init script, the docs' port table) must list every service the same way: this test names
 * each line a newly registered service still needs there. Plain JUnit over the project's files.
 */
class ServiceRegistryTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final PortPlan DEFAULTS = PortPlan.defaults();

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    @Test
    void everyServiceIsAModuleThatRunShFinds() throws IOException {
        String pom = read("pom.xml");
        String runSh = read("run.sh");
        assertTrue(runSh.contains("for app in gateway *-service; do"), "run.sh no longer finds the applications by name");
        for (Service service : Service.values()) {
            assertTrue(pom.contains("<module>" + service.module() + "</module>"), "pom.xml: <module>" + service.module() + "</module>");
            assertTrue(service == Service.GATEWAY || service.module().endsWith("-service"),
                    service.module() + ": a service module's name ends in -service (run.sh, docs)");
        }
    }

    @Test
    void portsAndNamesAreUnique() {
        assertEquals(Service.values().length, java.util.Arrays.stream(Service.values()).map(Service::portOffset).distinct().count());
        assertEquals(Service.values().length, java.util.Arrays.stream(Service.values()).map(Service::module).distinct().count());
        assertTrue(java.util.Arrays.stream(Service.values()).allMatch(s -> s.portOffset() >= 0 && s.portOffset() < PortPlan.MAX_APPLICATIONS),
                "a PortPlan leaves room for offsets 0.." + (PortPlan.MAX_APPLICATIONS - 1));
        assertEquals(Service.values().length - 1, Service.backends().size());
    }

    @Test
    void dockerComposeRunsEveryServiceAndTheGatewayKnowsIt() throws IOException {
        String compose = read("docker-compose.yml");
        String databases = read("docker/postgres/create-service-databases.sh");
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            int port = DEFAULTS.port(service);
            need(compose, "  " + service.module() + ":\n", missing, "docker-compose.yml");
            need(compose, "args: { SERVICE: " + service.module() + ", PORT: " + port + " }", missing, "docker-compose.yml");
            need(compose, "QUARKUS_HTTP_PORT: " + port + "\n", missing, "docker-compose.yml");
            if (service.database() != null) {
                need(compose, "QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://postgres:5432/" + service.database() + "\n", missing,
                        "docker-compose.yml");
                need(compose, service.database().toUpperCase(Locale.ROOT) + "_DB_PASSWORD: ${" + service.database().toUpperCase(Locale.ROOT)
                        + "_DB_PASSWORD:-" + service.database() + "}", missing, "docker-compose.yml (postgres)");
                need(databases, "create_service_database " + service.database(), missing, "docker/postgres/create-service-databases.sh");
            }
            if (service.routeVariable() != null) {
                need(compose, service.routeVariable() + ": http://" + service.module() + ":" + port + "\n", missing, "docker-compose.yml (gateway)");
                need(compose, "      " + service.module() + ": { condition: service_healthy }\n", missing, "docker-compose.yml (gateway)");
            }
        }
        assertEquals(List.of(), missing, "lines a registered service still needs");
    }

    @Test
    void theDocsListEveryPortAndContainer() throws IOException {
        String conventions = read("docs/conventions.md");
        String deployment = read("docs/deployment.md");
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            need(conventions, "| " + service.module() + " | " + DEFAULTS.port(service) + " |", missing, "docs/conventions.md");
            need(deployment, "| `" + service.module() + "` | `docker/service.Dockerfile`, `SERVICE=" + service.module() + "` |", missing,
                    "docs/deployment.md");
            need(deployment, "`" + service.module() + ":" + DEFAULTS.port(service) + "`", missing, "docs/deployment.md");
        }
        assertEquals(List.of(), missing, "lines a registered service still needs");
    }

    private static void need(String text, String line, List<String> missing, String where) {
        if (!text.contains(line)) {
            missing.add(where + ": " + line.strip());
        }
    }
}
