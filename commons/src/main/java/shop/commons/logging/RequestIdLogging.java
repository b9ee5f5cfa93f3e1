package shop.commons.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context, so that every log line a request
 * causes can be found by the id the client saw (the log format prints it as {@code [req=...]}).
 */
public class RequestIdLogging {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The request id if the header holds a sane one, else null (error reports quote it). */
    public static String requestId(String header) {
        return header != null && SANE.matcher(header).matches() ? header : null;
    }

    @ServerRequestFilter(preMatching = true)
    public void tagLogs(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && SANE.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }
}
