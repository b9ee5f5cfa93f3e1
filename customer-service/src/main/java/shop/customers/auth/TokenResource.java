package shop.customers.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.customers.common.ClientAddress;

@Path("/api/auth")
@PermitAll
public class TokenResource {
    /** One answer for every wrong credential, so nobody learns which logins exist. */
    static final String WRONG_CREDENTIALS = "Wrong login or password";
    static final String INVALID_REFRESH_TOKEN = "The refresh token is invalid, expired or revoked: sign in again";

    @Inject
    Subjects subjects;

    @Inject
    Sessions sessions;

    @Inject
    SignInLimits limits;

    @POST
    @Path("/token")
    @Operation(summary = "Sign in with login (staff, bot) or email/phone (customer) and a password")
    public Response signIn(@Valid @NotNull(message = "a JSON body is required") TokenRequest request,
                           @Context HttpServerRequest http) {
        int identifiers = (request.login() != null ? 1 : 0) + (request.email() != null ? 1 : 0)
                + (request.phone() != null ? 1 : 0);
        if (identifiers != 1) {
            throw ProblemException.badRequest("Give exactly one of login, email or phone");
        }
        SignInLimits.Attempt attempt = limits.attempt(accountKey(request), ClientAddress.of(http));
        Optional<Duration> blocked = limits.blockedFor(attempt);
        if (blocked.isPresent()) {
            return tooManyRequests(blocked.get(), "/api/auth/token");
        }
        Optional<Subject> subject = subjects.authenticate(request);
        if (subject.isEmpty()) {
            limits.recordFailure(attempt);
            throw new ProblemException(Response.Status.UNAUTHORIZED, WRONG_CREDENTIALS);
        }
        limits.recordSuccess(attempt);
        return Response.ok(sessions.start(subject.get())).build();
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for a new access and refresh token (the old one stops working)")
    public TokenResponse refresh(@Valid @NotNull(message = "a JSON body is required") RefreshRequest request) {
        return sessions.refresh(request.refreshToken())
                .orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED, INVALID_REFRESH_TOKEN));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the session of a refresh token")
    public Response logout(@Valid @NotNull(message = "a JSON body is required") RefreshRequest request) {
        sessions.end(request.refreshToken());
        return Response.noContent().build();
    }

    /** 429 with {@code Retry-After} in whole seconds (rounded up) for a caller that must wait {@code blocked}. */
    public static Response tooManyRequests(Duration blocked, String instance) {
        long seconds = Math.max(1, blocked.toSeconds() + (blocked.toNanosPart() > 0 ? 1 : 0));
        Problem problem = Problem.of(429, "Too Many Requests", "Too many failed sign-ins; try again in " + seconds + " seconds")
                .withInstance(instance);
        return Response.fromResponse(problem.toResponse()).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /** The identifier as typed, normalised the way the lookup does, so variants count as one account. */
    private static String accountKey(TokenRequest request) {
        return request.login() != null ? AccountKeys.login(request.login())
                : request.email() != null ? AccountKeys.email(request.email())
                : AccountKeys.phone(request.phone());
    }
}
