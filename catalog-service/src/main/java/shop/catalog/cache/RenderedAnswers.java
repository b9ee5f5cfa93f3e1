package shop.catalog.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public catalog reads (product list pages, product cards, categories) kept as the JSON bytes they were
 * answered with, so a repeated read costs no SQL and no JSON writing, and answered conditionally: a strong
 * {@code ETag} (a checksum of the bytes, the same after a restart) and {@code If-None-Match} → 304.
 * {@code Cache-Control: no-cache} lets browsers keep an answer but ask every time, since stock changes with
 * every order; answers that depend on who asks are also {@code private}.
 *
 * <p>Freshness: {@link CatalogGeneration}. Size: Caffeine, bounded by the bytes kept
 * ({@code shop.catalog.cache.max-bytes}); a plain map would either grow without bound or need its own
 * eviction, and Caffeine's reads do not lock, which matters when every request is a hit. Answers of an
 * older generation are not removed when the generation moves (that would cost a sweep per order); they
 * are replaced on their next read or evicted by size.
 */
@Singleton
public class RenderedAnswers {
    /** What a kept answer is: its kind ("products", "product", "category", ...) and its normalised query. */
    public record Key(String kind, Object query) {
    }

    /** An answer as sent: the JSON bytes and their ETag, kept under a generation. */
    public record Rendered(long generation, byte[] body, String etag) {
    }

    @Inject
    CatalogGeneration generation;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "shop.catalog.cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "shop.catalog.cache.max-bytes", defaultValue = "8388608")
    long maxBytes;

    private Cache<Key, Rendered> answers;

    @PostConstruct
    void create() {
        // eviction on the thread that stores (a miss, which costs milliseconds anyway), not on the common
        // pool: on a busy 2-core machine that pool may lag, and the bound would be exceeded meanwhile
        answers = Caffeine.newBuilder().maximumWeight(maxBytes).executor(Runnable::run)
                .weigher((Key key, Rendered answer) -> answer.body().length + 200).build();
    }

    /**
     * The answer to {@code key}: the kept one while it is current, else {@code compute}'s, kept when it
     * may be. {@code compute} must not depend on who asks (check that first); {@code privately}: the answer
     * is only for callers allowed to see it.
     */
    public Response answer(Key key, boolean privately, HttpHeaders request, Supplier<?> compute) {
        Rendered kept = kept(key);
        if (kept != null) {
            return conditional(kept, privately, request);
        }
        long before = beforeRead();
        return conditional(keep(key, before, compute.get()), privately, request);
    }

    /** The kept answer to {@code key} if it is still current, else null. */
    public Rendered kept(Key key) {
        if (!enabled) {
            return null;
        }
        Rendered kept = answers.getIfPresent(key);
        return kept != null && kept.generation() == generation.current() ? kept : null;
    }

    /** To be called before the first query of an answer that is to be kept: see {@link #keep}. */
    public long beforeRead() {
        return enabled ? generation.beforeRead() : 0;
    }

    /**
     * {@code value} rendered, and kept under {@code before} (what {@link #beforeRead()} answered before the
     * queries that made it) unless a catalog write was under way then or has started since.
     */
    public Rendered keep(Key key, long before, Object value) {
        Rendered rendered = render(before, value);
        if (before != 0 && generation.current() == before) {
            answers.put(key, rendered);
        }
        return rendered;
    }

    /** An answer computed without the cache (e.g. one only some callers see), with the same ETag rules. */
    public Response uncached(Object value, boolean privately, HttpHeaders request) {
        return conditional(render(0, value), privately, request);
    }

    public Response conditional(Rendered answer, boolean privately, HttpHeaders request) {
        String cacheControl = privately ? "private, no-cache" : "no-cache";
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), answer.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, answer.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, answer.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private Rendered render(long generation, Object value) {
        try {
            byte[] body = json.writeValueAsBytes(value);
            return new Rendered(generation, body, etag(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two different 32-bit checksums and the length: any change of a page changes it but for a chance of
     * about 2^-64, and both are CPU intrinsics (a cryptographic hash would cost a tenth of a miss). The
     * bytes are public, so a tag forged to collide gains nothing.
     */
    static String etag(byte[] body) {
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        CRC32C crc32c = new CRC32C();
        crc32c.update(body);
        return "\"" + Integer.toHexString(body.length) + "-" + Long.toHexString(crc32.getValue()) + "-"
                + Long.toHexString(crc32c.getValue()) + "\"";
    }

    /** {@code If-None-Match}: a list of tags or {@code *}; weak comparison, as RFC 9110 asks for it. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
