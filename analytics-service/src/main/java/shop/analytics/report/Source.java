package shop.analytics.report;

import java.util.List;
import java.util.Locale;
import shop.commons.domain.Invalid;

/** Where a fact came from; reports choose one or both ({@code source=logs|live|all}). */
public enum Source {
    LOGS, LIVE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sources a report's {@code source} parameter selects; null means all. */
    public static List<String> select(String parameter) {
        if (parameter == null || parameter.isBlank() || parameter.equals("all")) {
            return List.of(LOGS.key(), LIVE.key());
        }
        for (Source source : values()) {
            if (source.key().equals(parameter)) {
                return List.of(source.key());
            }
        }
        throw new Invalid("source must be logs, live or all, not \"" + parameter + "\"");
    }
}
