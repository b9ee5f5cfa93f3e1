package shop.catalog.onec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a 1C import reports beside the runner's members (the report of its {@code BackgroundJob}, type
 * {@value #TYPE}): its kind and mode, its progress while it runs and its findings afterwards.
 */
public class OneCImport {
    public static final String TYPE = "onec-import";

    /** Each list of the report keeps this many entries; the counts go on. */
    static final int LIST_LIMIT = 1000;

    public enum Kind { stock, weights, levels }

    public enum Mode { partial, snapshot }

    /** A code that matched nothing (a deleted variant or product counts as unknown). */
    public record Unknown(int row, String code) {
    }

    public record BadRow(int row, String code, String reason) {
    }

    /** The report asked for less than is reserved for orders: on-hand was set to the reserved quantity. */
    public record BelowReserved(Integer row, String code, long variantId, int requested, int reserved, int onHand) {
    }

    public String kind;
    public String mode;
    public String fileName;

    public int rowsRead;

    /** Rows whose code matched and whose value was valid, whether or not they changed anything. */
    public int rowsApplied;

    /** Variants (or products) whose value the import actually changed. */
    public int changed;

    /** Snapshot mode: variants set to zero / products whose weight was cleared because the report lacks them. */
    public int missingReset;

    public int unknownCount;
    public List<Unknown> unknownCodes = new ArrayList<>();

    public int badCount;
    public List<BadRow> badRows = new ArrayList<>();

    public int belowReservedCount;
    public List<BelowReserved> belowReserved = new ArrayList<>();

    static OneCImport of(Kind kind, Mode mode, String fileName) {
        OneCImport report = new OneCImport();
        report.kind = kind.name();
        report.mode = mode.name();
        report.fileName = fileName;
        return report;
    }
}
