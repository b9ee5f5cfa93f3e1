import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples go, two ways (used by bench/profile-all.sh; JDK only):
 * by library (each sample goes to the library of its innermost frame outside the JDK, so JDK code counts
 * for the library that called it) and by the outermost frame of our own code (which of our operations
 * caused it: an HTTP resource, an event consumer, the outbox relay...).
 *
 *   java bench/JfrLibraries.java /tmp/profile/order-service.jfr [more.jfr ...]
 */
public class JfrLibraries {
    /** Package prefix → library, first match wins. */
    private static final String[][] LIBRARIES = {
            {"org.jose4j", "token checks (JWT, RSA)"}, {"io.smallrye.jwt", "token checks (JWT, RSA)"},
            {"sun.security", "token checks (JWT, RSA)"}, {"java.math", "token checks (JWT, RSA)"},
            {"org.hibernate", "Hibernate ORM"}, {"io.quarkus.hibernate", "Hibernate ORM"},
            {"org.postgresql", "JDBC (pgjdbc, Agroal)"}, {"io.agroal", "JDBC (pgjdbc, Agroal)"},
            {"org.apache.kafka", "Kafka client"}, {"kafka.", "Kafka broker"},
            {"io.smallrye.reactive.messaging", "Reactive Messaging"}, {"com.fasterxml.jackson", "JSON (Jackson)"},
            {"io.vertx.ext.mail", "mail"}, {"io.quarkus.mailer", "mail"},
            {"io.vertx", "HTTP (Vert.x, Netty)"}, {"io.netty", "HTTP (Vert.x, Netty)"},
            {"org.jboss.resteasy", "REST (RESTEasy Reactive)"}, {"io.quarkus.resteasy", "REST (RESTEasy Reactive)"},
            {"io.quarkus.security", "security"}, {"io.quarkus.smallrye.jwt", "security"},
            {"org.jboss.logmanager", "logging"}, {"org.jboss.logging", "logging"},
            {"io.quarkus.arc", "CDI, transactions"}, {"io.quarkus.narayana", "CDI, transactions"},
            {"com.arjuna", "CDI, transactions"}, {"io.smallrye.mutiny", "Mutiny"},
            {"io.opentelemetry", "tracing"}, {"io.quarkus.opentelemetry", "tracing"},
            {"io.smallrye.context", "context propagation"}, {"shop.", "our code"},
            {"io.quarkus", "Quarkus (other)"}, {"io.smallrye", "SmallRye (other)"}, {"org.apache.", "other libraries"},
    };

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            Map<String, Integer> byLibrary = new LinkedHashMap<>();
            Map<String, Integer> byOperation = new LinkedHashMap<>();
            int samples = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                }
                samples++;
                byLibrary.merge(library(frames), 1, Integer::sum);
                byOperation.merge(operation(frames), 1, Integer::sum);
            }
            System.out.printf("== %s: %d samples%n", file, samples);
            print("by library (innermost frame outside the JDK)", byLibrary, samples, 20);
            print("by our outermost frame (the operation)", byOperation, samples, 12);
        }
    }

    private static String library(List<String> frames) {
        for (String frame : frames) {
            for (String[] library : LIBRARIES) {
                if (frame.startsWith(library[0])) {
                    return library[1];
                }
            }
        }
        return "JDK only";
    }

    private static String operation(List<String> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            String frame = frames.get(i);
            if (frame.startsWith("shop.") && !frame.contains("_Subclass") && !frame.contains("_ClientProxy")) {
                String type = frame.substring(0, frame.lastIndexOf('.')).replaceAll("\\$\\$Lambda.*", "");
                String method = frame.substring(frame.lastIndexOf('.') + 1);
                type = type.substring(type.lastIndexOf('.') + 1);
                if (type.contains("_SmallRyeMessagingInvoker")) {
                    return type.replaceAll("_SmallRyeMessagingInvoker.*", "") + " (event consumer)";
                }
                if (type.contains("$quarkusrestinvoker")) {
                    return type.replaceAll("\\$quarkusrestinvoker.*", "") + " (HTTP resource)";
                }
                if (type.contains("_ScheduledInvoker")) {
                    return type.replaceAll("_ScheduledInvoker.*", "") + " (scheduled)";
                }
                return type + "." + method.replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1");
            }
        }
        List<String> outermostFirst = new ArrayList<>(frames);
        Collections.reverse(outermostFirst);
        return "(none of our frames: " + library(outermostFirst) + ")";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
