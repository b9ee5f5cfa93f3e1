package shop.commons.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Explicit bounds of every JSON body a service reads (the shared Quarkus ObjectMapper): nesting depth,
 * longest string, longest number and largest document. A body beyond them is a 400 problem
 * ({@link JsonLimitMappers}) before anything is built from it. Jackson has defaults for most of these; they
 * are set here so they are visible, documented (docs/conventions.md, "input bounds") and configurable.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {
    /** Objects and arrays inside each other: the deepest API body has about five levels. */
    @ConfigProperty(name = "shop.json.max-nesting-depth", defaultValue = "64")
    int maxNestingDepth;

    /** Characters of one string value (a product description is a few thousand). */
    @ConfigProperty(name = "shop.json.max-string-length", defaultValue = "1000000")
    int maxStringLength;

    /** Characters of one number: no price or quantity needs more; long ones cost quadratic time to parse. */
    @ConfigProperty(name = "shop.json.max-number-length", defaultValue = "100")
    int maxNumberLength;

    /** Characters of one field name. */
    @ConfigProperty(name = "shop.json.max-name-length", defaultValue = "1000")
    int maxNameLength;

    /** Bytes of one document (the HTTP body limit, 10M by default, is usually hit first). */
    @ConfigProperty(name = "shop.json.max-document-length", defaultValue = "16777216")
    long maxDocumentLength;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .maxNameLength(maxNameLength)
                .maxDocumentLength(maxDocumentLength)
                .build());
    }
}
