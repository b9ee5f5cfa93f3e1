package shop.devstack.infra;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JsonTest {

    @Test
    void writesAndReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t <script> & \u0001 ünïcode");
        value.put("number", new BigDecimal("12.50"));
        value.put("list", Arrays.asList(true, false, null));
        value.put("nested", Map.of("id", new BigDecimal("7")));

        String json = Json.write(value);

        assertFalse(json.contains("<"), "HTML-significant characters are escaped: " + json);
        assertEquals(value, Json.parse(json));
    }

    @Test
    void readsWhitespaceAndEscapes() {
        Object parsed = Json.parse(" { \"a\" : [ 1 , -2.5e1 , \"\\u00e9\\/\" ] , \"b\" : { } } ");
        assertEquals(Map.of("a", List.of(new BigDecimal("1"), new BigDecimal("-2.5e1"), "é/"), "b", Map.of()), parsed);
    }
}
