package shop.commons.logging;

import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import shop.contracts.RequestIdHeader;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context, so that every log line a request
 * causes can be found by the id the client saw (the log format prints it as {@code [req=...]}).
 */
public class RequestIdLogging {
    public static final String MDC_KEY = "requestId";

    /** The request id if the header holds a sane one, else null (error reports quote it). */
    public static String requestId(String header) {
        return RequestIdHeader.isSane(header) ? header : null;
    }

    /**
     * Runs for every request, so it reads the one header from the request as it came in (asking JAX-RS for a
     * header copies them all into a map).
     */
    @ServerRequestFilter(preMatching = true)
    public void tagLogs(HttpServerRequest request) {
        String id = requestId(request.getHeader(RequestIdHeader.NAME));
        if (id != null) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }
}
