package shop.catalog.pricelist;

/**
 * What a background price-list import reports beside the runner's members (the report of its
 * {@code BackgroundJob}): whose list it is and, once applied, what it changed.
 */
public class PriceListImportReport {
    public long supplierId;

    public int created;

    public int updated;

    public int withdrawn;

    public int unchanged;

    static PriceListImportReport of(long supplierId) {
        PriceListImportReport report = new PriceListImportReport();
        report.supplierId = supplierId;
        return report;
    }
}
