package shop.orders.payment;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sberbank's REST API behind a timeout, retries where a second request is safe, and a circuit breaker
 * per method. Answers the bank's text, or throws a {@link BankCallFailed} (by how far the call got) or
 * SmallRye's {@code CircuitBreakerOpenException}; {@link SberbankProvider} reads the answers.
 *
 * <ul>
 * <li><b>Timeout</b>: {@code shop.payments.sberbank.timeout} for connecting and for the answer.
 * <li><b>Retries</b>: a request that never reached the bank ({@link BankCallFailed.NotReached}) is sent
 *     again by every method. {@code register.do} is not idempotent (a second one with the same
 *     {@code orderNumber} is refused, "already registered"), and a second {@code decline.do} of an order the
 *     bank is declining answers "wrong state", so those two (and {@code refund.do}, which moves money) are never repeated once sent: the customer,
 *     or the payment sync, asks again. The status is a read: it is also repeated after a cut connection or
 *     an HTTP error, but not after a timeout (that would keep a customer waiting three timeouts long).
 * <li><b>Circuit breaker</b>: after {@value #BREAKER_CALLS} calls of one method in a row that got no answer
 *     at all (not reached, timed out, cut off), that method is not called for {@value #BREAKER_DELAY_S} s;
 *     a thread no longer waits a timeout out for a bank that hangs. An error the bank answers at once
 *     (HTTP 503, an errorCode) costs nothing to get, so it does not open the circuit.
 * </ul>
 * Each value can be changed in configuration the MicroProfile way, e.g.
 * {@code shop.orders.payment.SberbankClient/register/CircuitBreaker/delay=60000}.
 */
@ApplicationScoped
public class SberbankClient {
    static final int BREAKER_CALLS = 5;
    static final long BREAKER_DELAY_S = 30;
    /** The circuit breakers' names, for {@code CircuitBreakerMaintenance}. */
    public static final String REGISTER = "sberbank-register", STATUS = "sberbank-status", DECLINE = "sberbank-decline",
            REFUND = "sberbank-refund";

    private final URI baseUrl;
    private final Duration timeout;
    private volatile SberbankApi api;

    public SberbankClient(@ConfigProperty(name = "shop.payments.sberbank.url") String baseUrl,
                          @ConfigProperty(name = "shop.payments.sberbank.timeout", defaultValue = "PT10S") Duration timeout) {
        // the methods' paths start with a slash
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.timeout = timeout;
    }

    @Retry(retryOn = BankCallFailed.NotReached.class, maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(failOn = {BankCallFailed.NotReached.class, BankCallFailed.TimedOut.class, BankCallFailed.CutOff.class},
            requestVolumeThreshold = BREAKER_CALLS, failureRatio = 1.0, delay = BREAKER_DELAY_S, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName(REGISTER)
    public String register(MultivaluedMap<String, String> form) {
        return call("register.do", api -> api.register(form));
    }

    @Retry(retryOn = {BankCallFailed.NotReached.class, BankCallFailed.CutOff.class, BankCallFailed.HttpError.class},
            maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(failOn = {BankCallFailed.NotReached.class, BankCallFailed.TimedOut.class, BankCallFailed.CutOff.class},
            requestVolumeThreshold = BREAKER_CALLS, failureRatio = 1.0, delay = BREAKER_DELAY_S, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName(STATUS)
    public String orderStatus(MultivaluedMap<String, String> form) {
        return call("getOrderStatusExtended.do", api -> api.orderStatus(form));
    }

    @Retry(retryOn = BankCallFailed.NotReached.class, maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(failOn = {BankCallFailed.NotReached.class, BankCallFailed.TimedOut.class, BankCallFailed.CutOff.class},
            requestVolumeThreshold = BREAKER_CALLS, failureRatio = 1.0, delay = BREAKER_DELAY_S, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName(DECLINE)
    public String decline(MultivaluedMap<String, String> form) {
        return call("decline.do", api -> api.decline(form));
    }

    /**
     * {@code refund.do} moves money: once sent it is never repeated here (only a request that never reached
     * the bank is). {@link Refunds} asks the bank's refunded amount before it tries a refund again.
     */
    @Retry(retryOn = BankCallFailed.NotReached.class, maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(failOn = {BankCallFailed.NotReached.class, BankCallFailed.TimedOut.class, BankCallFailed.CutOff.class},
            requestVolumeThreshold = BREAKER_CALLS, failureRatio = 1.0, delay = BREAKER_DELAY_S, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName(REFUND)
    public String refund(MultivaluedMap<String, String> form) {
        return call("refund.do", api -> api.refund(form));
    }

    private String call(String method, Function<SberbankApi, String> request) {
        try {
            return request.apply(api());
        } catch (WebApplicationException e) {
            throw new BankCallFailed.HttpError(method, e.getResponse() == null ? 0 : e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw failure(method, e);
        }
    }

    /** What became of a request that got no answer, from the transport's exception (never its message: it may quote the URL). */
    private BankCallFailed failure(String method, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return new BankCallFailed.NotReached(method, cause);
            }
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return new BankCallFailed.TimedOut(method, timeout.toMillis());
            }
        }
        return new BankCallFailed.CutOff(method, failure.getCause() == null ? failure : failure.getCause());
    }

    private SberbankApi api() {
        if (api == null) {
            api = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(baseUrl)
                    .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build(SberbankApi.class);
        }
        return api;
    }
}
