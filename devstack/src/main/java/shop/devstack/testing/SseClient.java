package shop.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream as a client would: a thread parses the lines into events (and
 * comments) as they arrive, the test takes them with a bounded wait.
 */
public final class SseClient implements AutoCloseable {
    /** One event; {@code comment} is set for a comment line, {@code name}/{@code id}/{@code data} for an event. */
    public record Event(String name, String id, String data, String comment) {
    }

    private static final Event END = new Event(null, null, null, null);
    // HTTP/1.1 as the gateway speaks to the services (the JDK client would otherwise try an h2c upgrade)
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; {@code headers} such as Authorization, X-Order-Token, Last-Event-ID. */
    public static SseClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            // send returns with the headers; the body is read line by line as it comes
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, id, data.toString(), null));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1)));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { } // retry and unknown fields
                    }
                }
            }
        } catch (RuntimeException e) {
            // closed by the test
        } finally {
            events.add(END);
        }
    }

    /** The next event with data (comments skipped); fails after {@code wait}, or when the stream ended. */
    public Event next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos(); // for the whole call: heartbeats must not extend it
        while (true) {
            Event event = take(deadline, wait);
            if (event == END) {
                throw new AssertionError("the stream ended");
            }
            if (event.comment() == null) {
                return event;
            }
        }
    }

    /** The next comment (events skipped). */
    public Event nextComment(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Event event = take(deadline, wait);
            if (event == END) {
                throw new AssertionError("the stream ended");
            }
            if (event.comment() != null) {
                return event;
            }
        }
    }

    /** Waits until the server ends the stream; fails if another event with data comes first. */
    public void awaitEnd(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Event event = take(deadline, wait);
            if (event == END) {
                return;
            }
            if (event.comment() == null) {
                throw new AssertionError("expected the end of the stream, got " + event);
            }
        }
    }

    private Event take(long deadline, Duration wait) {
        try {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("nothing within " + wait);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
