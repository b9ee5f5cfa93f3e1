package shop.customers.auth;

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
import shop.customers.common.ClientAddress;

/**
 * A staff user's own password ({@link StaffPasswordChanges}). {@code PATCH /api/users/{id}} with
 * {@code password} and {@code currentPassword} still works (and is how an admin resets someone else's).
 */
@Path("/api/users/me/password")
public class StaffPasswordChangeResource {
    static final String PATH = "/api/users/me/password";

    @Inject
    CurrentUser currentUser;

    @Inject
    StaffPasswordChanges changes;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER, Roles.BOT})
    @Operation(summary = "Change one's own staff password with the old one: every session ends, the answer is a new"
            + " session for the caller")
    public Response change(@Valid @NotNull(message = "a JSON body is required") PasswordChange body, @Context HttpServerRequest http) {
        long me = currentUser.id().orElseThrow(io.quarkus.security.ForbiddenException::new);
        return changes.change(me, body.oldPassword(), body.newPassword(), ClientAddress.of(http)).toResponse(PATH);
    }
}
