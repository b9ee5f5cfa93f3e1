package shop.catalog.pricelist;

import java.util.List;

/**
 * What a background price-list import reports beside the runner's members (the report of its
 * {@code BackgroundJob}): whose list it is (and the URL it was fetched from, if it was), and, once applied,
 * what it changed, categories included ({@link ImportSummary}).
 */
public class PriceListImportReport {
    public long supplierId;

    public int created;

    public int updated;

    public int withdrawn;

    public int unchanged;

    /** The http(s) address the list was fetched from; null for an upload. */
    public String url;

    public List<CategoryOutcome> categoriesCreated = List.of();

    public List<CategoryOutcome> categoriesMapped = List.of();

    public List<CategoryOutcome> categoriesUnused = List.of();

    static PriceListImportReport of(long supplierId) {
        PriceListImportReport report = new PriceListImportReport();
        report.supplierId = supplierId;
        return report;
    }
}
