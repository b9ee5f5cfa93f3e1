package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final UpstreamFailure REFUSED = new UpstreamFailure(502, "catalog-service is not reachable", true);
    private static final UpstreamFailure CLOSED = new UpstreamFailure(502, "closed the connection", false);
    private static final UpstreamFailure TIMED_OUT = new UpstreamFailure(504, "did not answer in time", false);

    @Test
    void nothing_sent_is_retried_whatever_the_method_and_body() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT}) {
            assertTrue(RetryPolicy.mayRetry(method, true, REFUSED, false), method.name());
        }
    }

    @Test
    void a_lost_connection_is_retried_only_for_idempotent_methods_with_a_body_that_can_be_sent_again() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE}) {
            assertTrue(RetryPolicy.mayRetry(method, false, CLOSED, true), method.name());
            assertFalse(RetryPolicy.mayRetry(method, false, CLOSED, false), method.name() + " with a streamed body");
        }
        assertFalse(RetryPolicy.mayRetry(HttpMethod.POST, false, CLOSED, true));
        assertFalse(RetryPolicy.mayRetry(HttpMethod.PATCH, false, CLOSED, true));
    }

    @Test
    void silence_past_the_timeout_is_not_retried() {
        assertFalse(RetryPolicy.mayRetry(HttpMethod.GET, false, TIMED_OUT, true));
    }
}
