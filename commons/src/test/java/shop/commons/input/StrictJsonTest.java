package shop.commons.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Line(String note, int quantity) {
    }

    record Order(String name, List<Line> lines, Map<String, String> tags, JsonNode extra) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void ordinaryTextIsReadAsBefore() throws Exception {
        Order order = json.readValue("{\"name\":\"Anna\",\"lines\":[{\"note\":\"\",\"quantity\":2}],"
                + "\"tags\":{\"a\":\"b\"},\"extra\":{\"x\":[\"y\",1]}}", Order.class);
        assertEquals("Anna", order.name());
        assertEquals("", order.lines().get(0).note());
        assertEquals("y", order.extra().get("x").get(0).asText());
        assertEquals(null, json.readValue("{\"name\":null}", Order.class).name());
    }

    @Test
    void aNulInAStringIsRefusedWithThePathToIt() {
        assertEquals("name", pathOf(assertThrows(NulCharacterException.class,
                () -> json.readValue("{\"name\":\"An\\u0000na\"}", Order.class))));
        assertEquals("lines[1].note", pathOf(assertThrows(NulCharacterException.class,
                () -> json.readValue("{\"lines\":[{\"note\":\"ok\"},{\"note\":\"\\u0000\"}]}", Order.class))));
        assertEquals("tags", pathOf(assertThrows(NulCharacterException.class,
                () -> json.readValue("{\"tags\":{\"a\\u0000\":\"b\"}}", Order.class))).substring(0, 4));
        assertEquals("extra.x[0]", pathOf(assertThrows(NulCharacterException.class,
                () -> json.readValue("{\"extra\":{\"x\":[\"\\u0000\"]}}", Order.class))));
    }

    @Test
    void aNulInATreeBodyIsRefusedWithThePathToIt() {
        assertEquals("name", pathOf(assertThrows(NulCharacterException.class,
                () -> json.readValue("{\"name\":\"\\u0000\"}", JsonNode.class))));
        assertEquals("a\u0000", pathOf(assertThrows(NulCharacterException.class,
                () -> json.readTree("{\"a\\u0000\":1}"))));
    }

    @Test
    void anEscapedBackslashFollowedByU0000IsOrdinaryText() throws Exception {
        assertEquals("\\u0000", json.readValue("{\"name\":\"\\\\u0000\"}", Order.class).name());
    }

    @Test
    void aNumberOrBooleanIsNotAString() {
        for (String value : List.of("123", "1.5", "true")) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class,
                    () -> json.readValue("{\"name\":" + value + "}", Order.class), value);
            assertEquals("name", pathOf(e));
            assertEquals(String.class, e.getTargetType());
        }
        assertThrows(MismatchedInputException.class, () -> json.readValue("{\"tags\":{\"a\":1}}", Order.class));
        assertThrows(MismatchedInputException.class, () -> json.readValue("[1]", String[].class));
        assertTrue(assertThrows(MismatchedInputException.class,
                () -> json.readValue("{\"lines\":[{\"note\":7}]}", Order.class)).getMessage().contains("note"));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
