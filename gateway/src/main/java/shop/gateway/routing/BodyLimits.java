package shop.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.gateway.GatewayConfig;

/**
 * The largest request body per path: {@code quarkus.http.limits.max-body-size} unless a prefix in
 * {@code shop.gateway.body-limits} ({@code /api/analytics/log-imports=1G,...}) matches, the longest
 * matching prefix winning. A prefix matches its own path and the paths below it, at a segment boundary
 * ({@code /api/analytics/log-imports} does not match {@code /api/analytics/log-importsX}). Large uploads
 * (log files) can then go through the gateway while every other route keeps the small limit.
 */
@ApplicationScoped
public class BodyLimits {
    record Rule(String prefix, long limit) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    private final long defaultLimit;
    private final List<Rule> rules;

    @Inject
    public BodyLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            GatewayConfig config) {
        this(maxBodySize.map(MemorySize::asLongValue).orElse(-1L), config.bodyLimits().orElse(List.of()));
    }

    BodyLimits(long defaultLimit, List<String> perPrefix) {
        this.defaultLimit = defaultLimit;
        List<Rule> parsed = new ArrayList<>();
        MemorySizeConverter sizes = new MemorySizeConverter();
        for (String entry : perPrefix) {
            int eq = entry.lastIndexOf('=');
            String prefix = eq < 0 ? "" : entry.substring(0, eq).strip();
            if (eq < 0 || !prefix.startsWith("/")) {
                throw new IllegalArgumentException("shop.gateway.body-limits: expected /path/prefix=size, not \"" + entry + "\"");
            }
            try {
                parsed.add(new Rule(prefix, sizes.convert(entry.substring(eq + 1).strip()).asLongValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("shop.gateway.body-limits: bad size in \"" + entry + "\"", e);
            }
        }
        parsed.sort(Comparator.comparingInt((Rule r) -> r.prefix().length()).reversed());
        this.rules = List.copyOf(parsed);
    }

    /** Bytes a request body to {@code path} may have; negative = no limit. */
    public long limitFor(String path) {
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                return rule.limit();
            }
        }
        return defaultLimit;
    }

    public long defaultLimit() {
        return defaultLimit;
    }
}
