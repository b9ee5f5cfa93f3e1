package shop.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.analytics.live.SalesReport;

/** Every report is reached by exactly one name (or alias); the seed's numbers stay aliases. Plain JUnit. */
class ReportNamesTest {
    @Test
    void everyNameAndAliasReachesOneReport() {
        for (Report<?>[] reports : List.<Report<?>[]>of(SeedReport.values(), SalesReport.values())) {
            List<String> all = new ArrayList<>();
            for (Report<?> report : reports) {
                all.add(report.urlName());
                all.addAll(report.aliases());
                assertTrue(report.urlName().matches("[a-z][a-z-]*"), report.urlName());
            }
            assertEquals(all.size(), new HashSet<>(all).size(), "a name or alias is used twice: " + all);
        }
    }

    @Test
    void theSeedsNumbersAreAliasesOfTheNames() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), Arrays.stream(SeedReport.values()).map(SeedReport::number).toList());
        assertEquals(Optional.of(SeedReport.UNPAID_CARTS), Report.named(SeedReport.values(), "6"));
        assertEquals(Optional.of(SeedReport.UNPAID_CARTS), Report.named(SeedReport.values(), "unpaid-carts"));
        assertEquals(Optional.empty(), Report.named(SeedReport.values(), "8"));
        assertEquals(Optional.empty(), Report.named(SeedReport.values(), "UNPAID_CARTS"));
        assertEquals(Optional.of(SalesReport.TOP_PRODUCTS), Report.named(SalesReport.values(), "top-products"));
    }
}
