package shop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application instances of a running stack, written to {@code <data>/instances.tsv} once it is up, so
 * that {@code ./run.sh --status} (another JVM) can list them and ask each whether it is ready.
 */
public final class InstanceList {
    static final String FILE = "instances.tsv";

    /** One instance: its name ({@code order-service#2}), ports, log file, and restarts so far. */
    public record Entry(String name, int port, int managementPort, Path log, int restarts) {
        String line() {
            return String.join("\t", name, Integer.toString(port), Integer.toString(managementPort), log.toString());
        }

        static Entry parse(String line) {
            String[] fields = line.split("\t");
            return new Entry(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), Path.of(fields[3]), 0);
        }
    }

    private InstanceList() {
    }

    static void write(Path dataDir, List<Entry> entries) throws IOException {
        List<String> lines = entries.stream().map(Entry::line).toList();
        Files.write(dataDir.resolve(FILE), lines);
    }

    /** The instances the stack in {@code dataDir} started; empty when none ever started there. */
    public static List<Entry> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                entries.add(Entry.parse(line));
            }
        }
        return entries;
    }

    /** One line per instance: name, URL, and its readiness right now ({@code ready}, {@code not ready (503)}, {@code down}). */
    public static List<String> status(List<Entry> entries) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> lines = new ArrayList<>();
        for (Entry entry : entries) {
            lines.add(String.format("  %-22s http://127.0.0.1:%-6d %s", entry.name(), entry.port(), readiness(http, entry.port())));
        }
        return lines;
    }

    private static String readiness(HttpClient http, int port) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "ready" : "not ready (" + response.statusCode() + ")";
        } catch (IOException e) {
            return "down";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
