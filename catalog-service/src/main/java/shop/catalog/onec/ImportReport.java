package shop.catalog.onec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.commons.jobs.BackgroundJob;

/**
 * What an import has found so far, kept by the thread that runs it and written to its job's report
 * ({@link OneCImport}) with every batch (so a client polling the job sees the progress).
 */
final class ImportReport {
    int rowsRead;
    int rowsApplied;
    int changed;
    int missingReset;
    int unknownCount;
    int badCount;
    int belowReservedCount;
    final List<OneCImport.Unknown> unknown = new ArrayList<>();
    final List<OneCImport.BadRow> bad = new ArrayList<>();
    final List<OneCImport.BelowReserved> belowReserved = new ArrayList<>();
    /** code (normalised) → the row it was first seen in: duplicates are reported, snapshot mode spares them */
    final Map<String, Integer> seen = new HashMap<>();

    void unknown(int row, String code) {
        unknownCount++;
        if (unknown.size() < OneCImport.LIST_LIMIT) {
            unknown.add(new OneCImport.Unknown(row, code));
        }
    }

    void bad(int row, String code, String reason) {
        badCount++;
        if (bad.size() < OneCImport.LIST_LIMIT) {
            bad.add(new OneCImport.BadRow(row, code, reason));
        }
    }

    void belowReserved(OneCImport.BelowReserved entry) {
        belowReservedCount++;
        if (belowReserved.size() < OneCImport.LIST_LIMIT) {
            belowReserved.add(entry);
        }
    }

    /** False (and a bad row) when the code was already in an earlier row. */
    boolean firstTime(int row, String code, String key) {
        Integer first = seen.putIfAbsent(key, row);
        if (first != null) {
            bad(row, code, "the code is repeated (first in row " + first + "); this row is ignored");
            return false;
        }
        return true;
    }

    void writeTo(BackgroundJob job) {
        job.updateReport(OneCImport.class, report -> {
            report.rowsRead = rowsRead;
            report.rowsApplied = rowsApplied;
            report.changed = changed;
            report.missingReset = missingReset;
            report.unknownCount = unknownCount;
            report.badCount = badCount;
            report.belowReservedCount = belowReservedCount;
            report.unknownCodes = new ArrayList<>(unknown);
            report.badRows = new ArrayList<>(bad);
            report.belowReserved = new ArrayList<>(belowReserved);
            return report;
        });
        job.processed = rowsRead;
    }
}
