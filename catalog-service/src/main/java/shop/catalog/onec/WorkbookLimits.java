package shop.catalog.onec;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code shop.catalog.onec.workbook.*}: how much of an uploaded .xlsx is read at most. The upload itself is
 * limited by the HTTP body size (10 MB); these bound what it may inflate to and what a parsed sheet costs.
 */
@ConfigMapping(prefix = "shop.catalog.onec.workbook")
public interface WorkbookLimits {
    /** Largest uncompressed size of one zip entry (the sheet, the shared strings), bytes. */
    @WithDefault("104857600")
    long maxEntrySize();

    /** Entries the zip may hold (a report has about ten). */
    @WithDefault("100")
    long maxEntries();

    /** Smallest compressed/uncompressed ratio of an entry: 0.01 = refuse what inflates more than 100x. */
    @WithDefault("0.01")
    double minInflateRatio();

    /** Rows of the sheet read at most; a larger sheet fails the import (split the report). */
    @WithDefault("500000")
    int maxRows();

    /** Cells beyond this column (1 = A) are ignored: a 1C report has a few dozen columns. */
    @WithDefault("256")
    int maxColumns();

    /** Longest cell text (Excel's own limit is 32,767); a longer wanted cell makes its row a bad row. */
    @WithDefault("32767")
    int maxCellLength();
}
