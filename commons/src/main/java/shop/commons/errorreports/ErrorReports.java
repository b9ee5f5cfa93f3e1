package shop.commons.errorreports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.commons.telegram.TelegramMessenger;

/**
 * Unexpected failures of this service, told to the errors chat on Telegram (seed 000
 * {@code telegram_errors_chat_id}): 500 answers of the catch-all problem mapper, background jobs that fail
 * with an unexpected exception, records a consumer turned into dead letters, consumers stuck on a record.
 * On when {@code shop.error-reports.telegram.chat-id} is set and the bot of {@code shop.telegram.*}
 * (token, API URL) is configured; off otherwise. Every service has it (commons); it needs only the settings.
 *
 * <ul>
 *   <li><b>Never in the way.</b> Sending is asynchronous (the caller never waits for Telegram) and
 *       {@link #report} never throws: an error report that cannot be sent is logged at debug level.</li>
 *   <li><b>Rate-limited.</b> At most {@code shop.error-reports.limit} reports per {@code window} per
 *       instance ({@link ErrorReportLimits}); the next report sent says how many were not, and a summary
 *       at the end of the window tells of those not followed by any.</li>
 *   <li><b>Nothing secret.</b> A report is built from the service name, the kind, the exception's class and
 *       redacted message, the method and path (no query) or job/record, and the request id
 *       ({@link ErrorReport}); never a request or record body, a header or a token.</li>
 * </ul>
 */
@ApplicationScoped
public class ErrorReports {
    private static final Logger LOG = Logger.getLogger(ErrorReports.class);

    @Inject
    TelegramMessenger telegram;

    @Inject
    ErrorReportLimits limits;

    @ConfigProperty(name = "shop.error-reports.telegram.chat-id")
    Optional<String> chatId;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "unknown service")
    String service;

    public boolean enabled() {
        return chat().isPresent() && telegram.hasBot();
    }

    /** Reports the failure, if reports are on and the budget allows; returns at once, never throws. */
    public void report(ErrorReport report) {
        try {
            Optional<String> chat = chat();
            if (chat.isEmpty() || !telegram.hasBot()) {
                return;
            }
            ReportLimiter limiter = limits.limiter();
            ReportLimiter.Decision decision = limiter.offer();
            if (!decision.send()) {
                if (decision.firstSuppressedInWindow()) {
                    summaryAtWindowEnd(chat.get(), limiter);
                }
                return;
            }
            telegram.send(chat.get(), "an error report", report.text(service, Instant.now(), decision.suppressedBefore(),
                    budget(limiter)));
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("an error report could not be sent: %s", e.getClass().getName());
        }
    }

    /** Tells of the reports the window suppressed once it ends, unless a later report told of them already. */
    private void summaryAtWindowEnd(String chat, ReportLimiter limiter) {
        long delay = limiter.untilWindowEnds().toMillis() + 10;
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                int suppressed = limiter.takeSuppressed();
                if (suppressed > 0) {
                    telegram.send(chat, "an error report summary", service + ": " + suppressed
                            + (suppressed == 1 ? " more error report" : " more error reports")
                            + " not sent (at most " + budget(limiter) + "); see the service's log");
                }
            } catch (RuntimeException e) {
                LOG.debugf("an error report summary could not be sent: %s", e.getClass().getName());
            }
        });
    }

    private static String budget(ReportLimiter limiter) {
        return limiter.limit() + " per " + limiter.window().toString().substring(2).toLowerCase();
    }

    private Optional<String> chat() {
        return chatId.map(String::trim).filter(s -> !s.isEmpty());
    }
}
