package shop.catalog.onec;

import java.time.Instant;
import java.util.List;

/** A job as clients see it: state, progress and the report (lists capped at 1000 entries each; counts are exact). */
public record OneCImportView(long id, String kind, String mode, String state, String fileName, int rowsRead,
                             int rowsApplied, int changed, int missingReset, int unknownCount,
                             List<OneCImport.Unknown> unknownCodes, int badCount, List<OneCImport.BadRow> badRows,
                             int belowReservedCount, List<OneCImport.BelowReserved> belowReserved, String error,
                             Instant createdAt, Instant startedAt, Instant finishedAt) {
    static OneCImportView of(OneCImport j) {
        return new OneCImportView(j.id, j.kind, j.mode, j.state, j.fileName, j.rowsRead, j.rowsApplied, j.changed,
                j.missingReset, j.unknownCount, j.unknownCodes, j.badCount, j.badRows, j.belowReservedCount,
                j.belowReserved, j.error, j.createdAt, j.startedAt, j.finishedAt);
    }
}
