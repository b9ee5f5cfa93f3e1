package shop.catalog.onec;

import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.JobView;

/**
 * A 1C import as clients see it: the commons {@link JobView} (status, progress, times) with its report
 * ({@code kind}, {@code mode}, {@code fileName}, the counts and the lists, capped at 1000 entries each;
 * counts are exact).
 */
final class OneCImportView {
    private OneCImportView() {
    }

    static JobView of(BackgroundJob job) {
        return JobView.of(job);
    }
}
