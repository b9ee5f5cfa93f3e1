package shop.customers.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.customers.auth.Passwords;
import shop.commons.patch.MergePatch;

/**
 * Staff users (admins, managers, supplier users, the bot account). Admins create and delete users
 * and change roles; managers may read; everyone may read and edit itself (names, password with the
 * current password). There is always at least one admin.
 */
@Path("/api/users")
public class StaffUserResource {
    private static final Set<String> PATCH_FIELDS =
            Set.of("login", "password", "currentPassword", "firstName", "lastName", "role", "supplierId");
    /** Arbitrary constant naming the advisory lock that serialises changes to the set of admins. */
    private static final long ADMINS_LOCK = 0x5348_4f50_4144L;

    @Inject
    CurrentUser currentUser;

    @Inject
    Passwords passwords;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Create a staff user (admins only)")
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewStaffUser body, @Context UriInfo uri) {
        String login = body.login().trim();
        requireSupplierIdFits(body.role(), body.supplierId());
        if (StaffUser.findByLogin(login).isPresent()) {
            throw ProblemException.conflict("A user with the login '" + login + "' already exists");
        }
        StaffUser user = new StaffUser();
        user.login = login;
        user.passwordHash = passwords.hash(body.password());
        user.firstName = blankToNull(body.firstName());
        user.lastName = blankToNull(body.lastName());
        user.role = body.role();
        user.supplierId = body.supplierId();
        user.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(user.id)).build())
                .entity(StaffUserView.of(user)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "List staff users (admins and managers)")
    public Page<StaffUserView> list(@BeanParam @Valid PageParams page) {
        return Paging.page(StaffUser.<StaffUser>findAll(io.quarkus.panache.common.Sort.by("id")), page, StaffUserView::of);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a staff user (admins, managers, or the user itself)")
    public StaffUserView get(@PathParam("id") long id) {
        if (!currentUser.isStaff() && !isSelf(id)) {
            throw new ForbiddenException();
        }
        return StaffUserView.of(find(id));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Transactional
    @Operation(summary = "Change a staff user: admins anything, a user its own names and password")
    public StaffUserView update(@PathParam("id") long id, JsonNode body) {
        boolean admin = currentUser.hasRole(Roles.ADMIN);
        boolean self = isSelf(id);
        if (!admin && !self) {
            throw new ForbiddenException();
        }
        StaffUser user = find(id);
        MergePatch patch = MergePatch.of(body, PATCH_FIELDS).constrainedBy(NewStaffUser.class, validator);
        MergePatch.Change<String> login = patch.text("login", true);
        MergePatch.Change<String> password = patch.rawText("password", true);
        MergePatch.Change<String> currentPassword = patch.rawText("currentPassword", true);
        MergePatch.Change<String> firstName = patch.text("firstName", false);
        MergePatch.Change<String> lastName = patch.text("lastName", false);
        MergePatch.Change<String> role = patch.text("role", true);
        MergePatch.Change<Long> supplierId = patch.wholeNumber("supplierId", false);
        patch.requireValid();
        if (!admin && (login.present() || role.present() || supplierId.present())) {
            throw new ProblemException(Response.Status.FORBIDDEN, "Only admins change logins, roles and suppliers");
        }
        if (password.present()) {
            // one's own password needs the current one (a stolen access token must not take the account over);
            // an admin resetting someone else's does not
            if (self && (currentPassword.value() == null
                    || !passwords.matches(Optional.ofNullable(user.passwordHash), currentPassword.value()))) {
                throw ProblemException.badRequest("currentPassword is missing or wrong");
            }
            user.passwordHash = passwords.hash(password.value());
            user.credentialsVersion++;
        }
        if (login.present() && !login.value().equalsIgnoreCase(user.login)) {
            if (StaffUser.findByLogin(login.value()).isPresent()) {
                throw ProblemException.conflict("A user with the login '" + login.value() + "' already exists");
            }
            user.login = login.value();
        }
        firstName.ifPresent(v -> user.firstName = v);
        lastName.ifPresent(v -> user.lastName = v);
        String newRole = role.present() ? role.value() : user.role;
        if (Roles.ADMIN.equals(user.role) && !Roles.ADMIN.equals(newRole)) {
            requireAnotherAdmin(user);
        }
        Long newSupplierId = supplierId.present() ? supplierId.value()
                : Roles.SUPPLIER.equals(newRole) ? user.supplierId : null;
        requireSupplierIdFits(newRole, newSupplierId);
        user.role = newRole;
        user.supplierId = newSupplierId;
        em.flush(); // a login taken meanwhile is a 409 here rather than a failed commit
        return StaffUserView.of(user);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Delete a staff user (admins only; never the last admin)")
    public Response delete(@PathParam("id") long id) {
        StaffUser user = find(id);
        if (Roles.ADMIN.equals(user.role)) {
            requireAnotherAdmin(user);
        }
        user.delete();
        return Response.noContent().build();
    }

    private StaffUser find(long id) {
        return StaffUser.<StaffUser>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("user", id));
    }

    /** The caller is this staff user (customer ids are another sequence, so a customer never is). */
    private boolean isSelf(long id) {
        return !currentUser.hasRole(Roles.CUSTOMER) && currentUser.id().filter(me -> me == id).isPresent();
    }

    /** Serialised with other admin changes, so two admins cannot remove each other at the same moment. */
    private void requireAnotherAdmin(StaffUser leaving) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", ADMINS_LOCK).getSingleResult();
        if (StaffUser.count("role = ?1 and id <> ?2", Roles.ADMIN, leaving.id) == 0) {
            throw ProblemException.conflict("The last admin cannot be removed or demoted");
        }
    }

    private static void requireSupplierIdFits(String role, Long supplierId) {
        if (Roles.SUPPLIER.equals(role) && supplierId == null) {
            throw ProblemException.badRequest("A supplier user needs a supplierId");
        }
        if (!Roles.SUPPLIER.equals(role) && supplierId != null) {
            throw ProblemException.badRequest("Only supplier users have a supplierId");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
