package shop.gateway.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.response.Response;

/** Assertions on the gateway's problem details answers. */
public final class Problems {

    private Problems() {
    }

    /** An RFC 9457 problem with this status, for this path, carrying the response's request id. */
    public static void assertProblem(Response response, int status, String instance) {
        response.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("about:blank"))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .body("instance", equalTo(instance))
                .body("requestId", equalTo(response.header("X-Request-Id")));
        String body = response.asString();
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
        assertEquals(1, response.headers().getValues("X-Request-Id").size());
    }
}
