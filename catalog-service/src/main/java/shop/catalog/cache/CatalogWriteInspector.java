package shop.catalog.cache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every SQL statement Hibernate prepares (entity writes, JPQL and native queries alike) and tells
 * {@link CatalogGeneration} when one writes a table whose rows a catalog answer may show. One place
 * instead of a call in every write: a new feature's writes are followed without anyone remembering to.
 * Only bookkeeping tables that no cached answer reads are left out (the outbox relay, processed events
 * and job rows change all the time); any other table, including one added later, counts as catalog data.
 * Plain JDBC ({@code Session.doWork}) passes by Hibernate: such code calls {@link CatalogGeneration#writing()}.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CatalogWriteInspector implements StatementInspector {
    /** Tables no cached answer reads. */
    static final Set<String> BOOKKEEPING = Set.of("outbox_message", "processed_event", "dead_letter",
            "one_time_task", "stock_order", "stock_reservation", "background_job",
            "flyway_schema_history");

    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(?:only\\s+)?\"?([a-z0-9_.]+)",
            Pattern.CASE_INSENSITIVE);

    /** A data-modifying part of a {@code with} statement ({@code for update} is a lock, not a write). */
    private static final Pattern WRITE_IN_WITH = Pattern.compile(
            "\\b(?:insert\\s+into|update\\s+\\S+\\s+(?:\\S+\\s+)?set|delete\\s+from|merge\\s+into)\\b",
            Pattern.CASE_INSENSITIVE);

    @Inject
    CatalogGeneration generation;

    @Override
    public String inspect(String sql) {
        if (writesCatalog(sql)) {
            generation.writing();
        }
        return sql;
    }

    /** Reads ({@code select}, also {@code select ... for update}) are the common case and cost one look. */
    static boolean writesCatalog(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        if (sql.regionMatches(true, start, "select", 0, 6)) {
            return false;
        }
        Matcher target = TARGET.matcher(sql);
        if (target.find()) {
            String table = target.group(1).toLowerCase(Locale.ROOT);
            return !BOOKKEEPING.contains(table.substring(table.lastIndexOf('.') + 1));
        }
        // with ... insert/update/delete, truncate, copy, anything unusual: assume it writes
        return !sql.regionMatches(true, start, "with", 0, 4) || WRITE_IN_WITH.matcher(sql).find();
    }
}
