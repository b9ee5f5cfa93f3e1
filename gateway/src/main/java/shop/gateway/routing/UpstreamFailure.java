package shop.gateway.routing;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** How a failed upstream exchange is reported to the client. */
record UpstreamFailure(int status, String detail, boolean connectFailure) {

    /** Connected, then the connection ended without a (complete) response head: the instance died or closed it. */
    boolean connectionLost() {
        return status == 502 && !connectFailure;
    }

    static UpstreamFailure classify(Throwable failure, Upstream upstream) {
        String service = upstream.serviceName();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return new UpstreamFailure(504, service + " did not answer in time", false);
            }
            if (t instanceof io.netty.channel.ConnectTimeoutException) {
                return new UpstreamFailure(504, service + " could not be reached in time", true);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return new UpstreamFailure(502, service + " is not reachable", true);
            }
            if (t instanceof ConnectionPoolTooBusyException) {
                return new UpstreamFailure(503, service + " has too many requests waiting", false);
            }
        }
        return new UpstreamFailure(502, service + " closed the connection without a complete answer", false);
    }
}
