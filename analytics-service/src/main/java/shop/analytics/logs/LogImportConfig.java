package shop.analytics.logs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** {@code shop.analytics.log-import.*}. */
@ConfigMapping(prefix = "shop.analytics.log-import")
public interface LogImportConfig {
    /**
     * The only directory whose files an admin may import by server-side path ({@code {"path": ...}},
     * relative to it). Unset: server-side imports are off, uploads only.
     */
    Optional<Path> directory();

    /** Where uploads wait for their job; the system temp directory when unset. */
    Optional<Path> spoolDirectory();

    /** Lines recorded per database round trip (and per progress update). */
    @WithDefault("5000")
    int batchSize();

    /**
     * Longest line read (characters): a longer one is skipped and reported, only this much of it is ever
     * held in memory (a log line is a few hundred characters; a file without line breaks is one huge line).
     */
    @WithDefault("4000")
    int maxLineLength();

    /** Bad lines listed per import; all are counted. */
    @WithDefault("100")
    int maxListedBadLines();
}
