package shop.commons.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The rules every service's JSON reader (the shared Quarkus {@link ObjectMapper}) follows, on top of
 * {@code quarkus.jackson.fail-on-unknown-properties}:
 * <ul>
 * <li>a string must be a JSON string: {@code 123}, {@code 1.5} or {@code true} where the API says
 * string is a 400 naming the field, not silently turned into {@code "123"};</li>
 * <li>no text may contain the NUL character ({@link NulCharacters}): string values, member names of
 * maps, and the text nodes of bodies read as a tree ({@link JsonNode}, used by merge-patches).</li>
 * </ul>
 * Events between services are read with contracts' own mapper ({@code EventJson}), not this one.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applies the rules to any mapper (also used by tests without a Quarkus application). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("shop-strict-json");
        module.addDeserializer(String.class, new NulFreeStrings());
        module.addKeyDeserializer(String.class, new NulFreeKeys());
        module.addDeserializer(JsonNode.class, NulFreeTrees.create());
        mapper.registerModule(module);
        return mapper;
    }

    /** Jackson's own string reading (and its coercion rules), then the NUL check. */
    static final class NulFreeStrings extends StdScalarDeserializer<String> {
        NulFreeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (NulCharacters.in(value)) {
                throw new NulCharacterException(p);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }

    static final class NulFreeKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (NulCharacters.in(key)) {
                throw new NulCharacterException(ctxt.getParser());
            }
            return key;
        }
    }

    /** Reads the tree as Jackson does, then looks at every member name and text value in it. */
    static final class NulFreeTrees extends DelegatingDeserializer {
        NulFreeTrees(JsonDeserializer<?> jackson) {
            super(jackson);
        }

        @SuppressWarnings("unchecked") // it reads what Jackson's own tree reader reads: JsonNode
        static JsonDeserializer<JsonNode> create() {
            return (JsonDeserializer<JsonNode>) (JsonDeserializer<?>) new NulFreeTrees(JsonNodeDeserializer.getDeserializer(JsonNode.class));
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new NulFreeTrees(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object tree = super.deserialize(p, ctxt);
            if (tree instanceof JsonNode node) {
                check(node, new ArrayDeque<>(), p);
            }
            return tree;
        }

        /** {@code where}: the path inside the tree, outermost first (field names and array indexes). */
        private static void check(JsonNode node, Deque<Object> where, JsonParser p) throws JsonMappingException {
            if (node.isTextual() && NulCharacters.in(node.textValue())) {
                throw withPath(new NulCharacterException(p), where);
            }
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    where.addLast(field.getKey());
                    if (NulCharacters.in(field.getKey())) {
                        throw withPath(new NulCharacterException(p), where);
                    }
                    check(field.getValue(), where, p);
                    where.removeLast();
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    where.addLast(i);
                    check(node.get(i), where, p);
                    where.removeLast();
                }
            }
        }

        private static JsonMappingException withPath(JsonMappingException e, Deque<Object> where) {
            Iterator<Object> innermostFirst = where.descendingIterator();
            while (innermostFirst.hasNext()) {
                Object step = innermostFirst.next();
                e.prependPath(step instanceof Integer index
                        ? new JsonMappingException.Reference(null, index)
                        : new JsonMappingException.Reference(null, (String) step));
            }
            return e;
        }
    }
}
