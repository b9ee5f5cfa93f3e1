package shop.devstack.testing;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything logged in this JVM (through java.util.logging, which Quarkus' JBoss LogManager and
 * jboss-logging use) while it is open, each record as one line of text: the message as formatted, the
 * raw message and its parameters, and every exception of the cause chain. For tests that a secret never
 * reaches a log:
 *
 * <pre>{@code try (LogCapture log = LogCapture.start()) { ...; assertTrue(log.lines().stream().noneMatch(l -> l.contains(secret))); }}</pre>
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String line = describe(record);
            synchronized (lines) {
                lines.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
    }

    /** Starts capturing at the root logger (records below a logger's level are not logged, nor seen). */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture.handler);
        return capture;
    }

    /** The lines captured so far, oldest first. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public boolean anyMatch(Predicate<String> condition) {
        return lines().stream().anyMatch(condition);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }

    static String describe(LogRecord record) {
        StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ').append(record.getLoggerName())
                .append(": ").append(formatted(record));
        String message = String.valueOf(record.getMessage());
        line.append(" | ").append(message);
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" | ").append(parameter);
            }
        }
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown);
            for (Throwable suppressed : thrown.getSuppressed()) {
                line.append(" | suppressed ").append(suppressed);
            }
            if (thrown.getCause() == thrown) {
                break;
            }
        }
        return line.toString();
    }

    /** jboss-logging's {@code errorf} uses printf patterns, {@code error(String, Object...)} MessageFormat ones. */
    private static String formatted(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return message.contains("{0") ? MessageFormat.format(message, parameters) : String.format(message, parameters);
        } catch (IllegalArgumentException e) { // also IllegalFormatException
            return message;
        }
    }
}
