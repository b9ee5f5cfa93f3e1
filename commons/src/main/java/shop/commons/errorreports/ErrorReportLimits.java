package shop.commons.errorreports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's budget of error reports: at most {@code shop.error-reports.limit} (10) per
 * {@code shop.error-reports.window} (1 min). A bean of its own so that a test can start from a fresh budget.
 */
@ApplicationScoped
public class ErrorReportLimits {
    private final ReportLimiter limiter;

    @Inject
    public ErrorReportLimits(@ConfigProperty(name = "shop.error-reports.limit", defaultValue = "10") int limit,
                             @ConfigProperty(name = "shop.error-reports.window", defaultValue = "PT1M") Duration window) {
        this.limiter = new ReportLimiter(limit, window);
    }

    public ReportLimiter limiter() {
        return limiter;
    }
}
