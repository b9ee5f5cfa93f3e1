package shop.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver inside the test JVM: the platform's applications export their spans here
 * (http/protobuf, the encoding Quarkus' exporter speaks), and tests look at real spans. Decodes just what
 * tests need of {@code ExportTraceServiceRequest} (opentelemetry-proto field numbers) from the protobuf wire
 * format, without generated classes.
 */
final class SpanReceiver {
    /** A span as exported: the service that recorded it, ids in hex, its name, kind and string attributes. */
    record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
                        Map<String, String> attributes) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private static SpanReceiver shared;

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

    private SpanReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The one receiver of this test JVM, which the shared platform exports to. */
    static synchronized SpanReceiver shared() {
        if (shared == null) {
            try {
                shared = new SpanReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Where applications export to (QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, protocol http/protobuf). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ExportedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            spans.addAll(decodeRequest(body.readAllBytes()));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
        }
    }

    // --- the protobuf wire format, as far as ExportTraceServiceRequest needs it ----------------------

    static List<ExportedSpan> decodeRequest(byte[] request) {
        List<ExportedSpan> out = new ArrayList<>();
        for (Field resourceSpans : fields(request)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            String service = null;
            List<byte[]> scopeSpans = new ArrayList<>();
            for (Field field : fields(resourceSpans.bytes())) {
                if (field.number() == 1) { // Resource
                    service = attributes(fields(field.bytes()), 1).get("service.name");
                } else if (field.number() == 2) {
                    scopeSpans.add(field.bytes());
                }
            }
            for (byte[] scope : scopeSpans) {
                for (Field span : fields(scope)) {
                    if (span.number() == 2) {
                        out.add(span(service, fields(span.bytes())));
                    }
                }
            }
        }
        return out;
    }

    private static ExportedSpan span(String service, List<Field> fields) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        for (Field field : fields) {
            switch (field.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes());
                case 4 -> parent = HexFormat.of().formatHex(field.bytes());
                case 5 -> name = field.string();
                case 6 -> kind = Kind.values()[(int) Math.min(field.varint(), Kind.values().length - 1)];
                default -> { }
            }
        }
        return new ExportedSpan(service, traceId, spanId, parent, name, kind, attributes(fields, 9));
    }

    /** KeyValue fields of the given number, with their string, bool or int values as text. */
    private static Map<String, String> attributes(List<Field> fields, int number) {
        Map<String, String> attributes = new HashMap<>();
        for (Field field : fields) {
            if (field.number() != number) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field kv : fields(field.bytes())) {
                if (kv.number() == 1) {
                    key = kv.string();
                } else if (kv.number() == 2) {
                    for (Field any : fields(kv.bytes())) {
                        value = switch (any.number()) {
                            case 1 -> any.string();
                            case 2 -> Boolean.toString(any.varint() != 0);
                            case 3 -> Long.toString(any.varint());
                            default -> value;
                        };
                    }
                }
            }
            if (key != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    /** One field: its number and either a varint or the bytes of a length-delimited value. */
    record Field(int number, long varint, byte[] bytes) {
        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> fields.add(new Field(number, varint(message, at), null));
                case 1 -> at[0] += 8;
                case 2 -> {
                    int length = (int) varint(message, at);
                    byte[] bytes = new byte[length];
                    System.arraycopy(message, at[0], bytes, 0, length);
                    at[0] += length;
                    fields.add(new Field(number, 0, bytes));
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = message[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }
}
