package shop.commons.logging;

import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context, so that every log line a request
 * causes can be found by the id the client saw (the log format prints it as {@code [req=...]}).
 */
public class RequestIdLogging {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** The request id if the header holds a sane one, else null (error reports quote it). */
    public static String requestId(String header) {
        return isSane(header) ? header : null;
    }

    /**
     * Runs for every request, so it reads the one header from the request as it came in (asking JAX-RS for a
     * header copies them all into a map) and checks its characters without a regex.
     */
    @ServerRequestFilter(preMatching = true)
    public void tagLogs(HttpServerRequest request) {
        String id = requestId(request.getHeader(HEADER));
        if (id != null) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    /** 1 to 64 of {@code A-Z a-z 0-9 . _ : -}: nothing that could forge a log line or a report. */
    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
