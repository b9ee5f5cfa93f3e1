package shop.devstack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * A JSON answer read with Jackson, for test helpers and awaits that read answers in loops.
 *
 * <p>Why not RestAssured's {@code jsonPath()} / {@code path(...)} there: RestAssured evaluates every path by
 * compiling a Groovy script (~4 ms of CPU each), and the compiler looks up its class names on the whole test
 * classpath; in catalog's test JVM that was a quarter of the profiler's samples (docs/benchmarks.md, "Test
 * suite duration, fourth round"). A single {@code body("x", equalTo(..))} in a test is fine; a helper called hundreds of times or an
 * await polling every 100 ms is not.
 *
 * <pre>{@code long id = JsonBody.of(response.asString()).get("id").asLong();}</pre>
 */
public final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /** The parsed answer; a body that is not JSON fails the test with the body in the message. */
    public static JsonNode of(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON answer: " + body, e);
        }
    }

    /** {@code node} as maps, lists, strings, numbers (Integer, Long, Double) and booleans. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    /** The first element of the array {@code array} for which {@code match} holds. */
    public static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> match) {
        return StreamSupport.stream(array.spliterator(), false).filter(match).findFirst();
    }
}
