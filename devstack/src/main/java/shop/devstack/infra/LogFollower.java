package shop.devstack.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a growing log file (like {@code tail -f}) and hands each complete line to a sink.
 * The child writes straight into the file, so a slow console never blocks it.
 */
final class LogFollower implements AutoCloseable {

    private final Path file;
    private final Consumer<String> sink;
    private final Thread thread;
    private final StringBuilder partialLine = new StringBuilder();
    private long offset;
    private volatile boolean closed;

    private LogFollower(String name, Path file, long offset, Consumer<String> sink) {
        this.file = file;
        this.offset = offset;
        this.sink = sink;
        this.thread = new Thread(this::run, "log-follower-" + name);
        this.thread.setDaemon(true);
    }

    static LogFollower follow(String name, Path file, long offset, Consumer<String> sink) {
        LogFollower follower = new LogFollower(name, file, offset, sink);
        follower.thread.start();
        return follower;
    }

    private void run() {
        while (!closed) {
            readNewLines();
            sleep(200);
        }
        readNewLines(); // what the process wrote while stopping
    }

    private synchronized void readNewLines() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                offset = 0; // truncated
            }
            if (length == offset) {
                return;
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            in.readFully(bytes);
            offset += bytes.length;
            partialLine.append(new String(bytes, StandardCharsets.UTF_8));
            int newline;
            while ((newline = partialLine.indexOf("\n")) >= 0) {
                sink.accept(partialLine.substring(0, newline));
                partialLine.delete(0, newline + 1);
            }
        } catch (IOException e) {
            // the file may not exist yet; try again on the next round
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
