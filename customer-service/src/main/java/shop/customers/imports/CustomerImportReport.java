package shop.customers.imports;

/**
 * What a customer import reports beside the runner's members (the report of its {@code BackgroundJob}).
 * The counters commit with every row they count.
 */
public class CustomerImportReport {
    public static final String CSV = "csv";
    public static final String JDBC = "jdbc";

    /** {@code csv} or {@code jdbc}. */
    public String source;

    /** Connection attempts to the external source; more than one means retries happened. */
    public int attempts;

    public int created;

    public int updated;

    /** Rows that matched a customer who already had exactly this data: a re-run counts everything here. */
    public int unchanged;

    public int skipped;

    static CustomerImportReport of(String source) {
        CustomerImportReport report = new CustomerImportReport();
        report.source = source;
        return report;
    }
}
