package shop.customers.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to do with each record of a source, decided before anything is written: rows that cannot be
 * used are skipped, and of several records for one phone (or one legacy id) only the latest is
 * applied (seed 004: "latest record per phone"); the latest is the one with the newest
 * {@code updated_at}, on a tie the later row.
 */
final class ImportPlan {
    /** One row's fate: apply {@code record}, or skip it for {@code skipReason}. */
    record Step(int row, String legacyId, CleanRecord record, String skipReason) {
    }

    private static final Comparator<CleanRecord> LATEST_LAST = Comparator
            .comparing(CleanRecord::updatedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(CleanRecord::row);

    private ImportPlan() {
    }

    static List<Step> of(List<LegacyRecord> records) {
        List<Step> steps = new ArrayList<>(records.size());
        List<CleanRecord> usable = new ArrayList<>();
        for (LegacyRecord raw : records) {
            RecordCleaner.Result result = RecordCleaner.clean(raw);
            if (result.record() == null) {
                steps.add(new Step(raw.row(), raw.legacyId(), null, result.skipReason()));
            } else {
                usable.add(result.record());
            }
        }
        Map<String, CleanRecord> latestByPhone = latest(usable, CleanRecord::phone);
        Map<String, CleanRecord> latestByLegacyId = latest(usable, CleanRecord::legacyId);
        for (CleanRecord record : usable) {
            CleanRecord byPhone = latestByPhone.get(record.phone());
            CleanRecord byLegacyId = record.legacyId() == null ? record : latestByLegacyId.get(record.legacyId());
            String reason = null;
            if (byPhone != record) {
                reason = "a newer record for phone " + record.phone() + " is row " + byPhone.row();
            } else if (byLegacyId != record) {
                reason = "a newer record for legacy id " + record.legacyId() + " is row " + byLegacyId.row();
            }
            steps.add(new Step(record.row(), record.legacyId(), reason == null ? record : null, reason));
        }
        steps.sort(Comparator.comparingInt(Step::row));
        return steps;
    }

    private static Map<String, CleanRecord> latest(List<CleanRecord> records,
                                                   java.util.function.Function<CleanRecord, String> key) {
        Map<String, CleanRecord> latest = new HashMap<>();
        for (CleanRecord record : records) {
            String k = key.apply(record);
            if (k != null) {
                latest.merge(k, record, (a, b) -> LATEST_LAST.compare(a, b) >= 0 ? a : b);
            }
        }
        return latest;
    }
}
