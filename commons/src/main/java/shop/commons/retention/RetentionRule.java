package shop.commons.retention;

import java.time.Duration;

/**
 * A table whose old rows the {@link RetentionJob} deletes. A service contributes one by making a bean
 * of this type (an {@code @ApplicationScoped} class implementing it); commons contributes the
 * processed-event log and the sent outbox messages.
 */
public interface RetentionRule {
    /** Names the rule in the log and in {@link RetentionJob#pruneNow()}'s answer. */
    String name();

    /** The table rows are deleted from. */
    String table();

    /**
     * The SQL condition the rows due for deletion meet; {@code :cutoff} stands for now minus
     * {@link #keep()}. Keep it cheap to evaluate with an index: it is evaluated once per batch.
     */
    String dueWhere();

    /** How long a row is kept (see {@link #dueWhere()}). */
    Duration keep();
}
