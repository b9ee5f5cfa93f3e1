package shop.customers.customer;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.customers.auth.PasswordChange;
import shop.customers.common.ClientAddress;

/** The signed-in customer's own password ({@link PasswordChanges}); staff use POST /api/users/me/password. */
@Path("/api/customers/me/password")
public class PasswordChangeResource {
    static final String PATH = "/api/customers/me/password";

    @Inject
    CurrentUser currentUser;

    @Inject
    PasswordChanges changes;

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Change one's password with the old one: every session ends, the answer is a new session"
            + " for the caller, and the account is told by mail")
    public Response change(@Valid @NotNull(message = "a JSON body is required") PasswordChange change,
                           @Context HttpServerRequest http) {
        long me = currentUser.id().orElseThrow(io.quarkus.security.ForbiddenException::new);
        return changes.change(me, change, ClientAddress.of(http)).toResponse(PATH);
    }
}
