package shop.commons.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {
    private static ObjectMapper mapper() {
        JsonLimits limits = new JsonLimits();
        limits.maxNestingDepth = 64;
        limits.maxStringLength = 1_000;
        limits.maxNumberLength = 100;
        limits.maxNameLength = 100;
        limits.maxDocumentLength = 1_000_000;
        ObjectMapper mapper = new ObjectMapper();
        limits.customize(mapper);
        return mapper;
    }

    @Test
    void bodiesWithinTheBoundsAreRead() throws Exception {
        JsonNode node = mapper().readTree("[".repeat(64) + "\"" + "x".repeat(1_000) + "\"" + "]".repeat(64));
        assertEquals(1_000, node.at("/0".repeat(64)).asText().length());
    }

    @Test
    void deeperNestingLongerStringsNumbersNamesAndDocumentsAreRefused() {
        ObjectMapper mapper = mapper();
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("[".repeat(65) + "]".repeat(65)));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("\"" + "x".repeat(1_001) + "\""));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("1" + "0".repeat(100)));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("{\"" + "k".repeat(101) + "\":1}"));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("[" + "1,".repeat(600_000) + "1]"));
    }
}
