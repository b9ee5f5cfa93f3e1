package shop.customers.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.contracts.customers.CustomerChanged;
import shop.customers.auth.Passwords;
import shop.customers.auth.Sessions;
import shop.customers.auth.Subject;
import shop.customers.common.ClientAddress;
import shop.commons.patch.MergePatch;

@Path("/api/customers")
public class CustomerResource {
    private static final Set<String> PATCH_FIELDS = Set.of("firstName", "lastName", "middleName", "email",
            "birthday", "gender", "city", "company", "position", "backInStockMails");

    @Inject
    CustomerEvents events;

    @Inject
    CustomerTokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    Passwords passwords;

    @Inject
    Sessions sessions;

    @Inject
    Validator validator;

    @Inject
    GuestOrders guestOrders;

    /**
     * Registers a customer. A guest record (made by an order without registration, or by the legacy
     * import) with the same email or phone is taken over: the same row. The guest's orders follow only
     * when the account confirms the email they were placed with ({@link GuestOrders}), so registering
     * with someone else's phone or email hands over nothing. A registration with a password gets a
     * confirmation mail.
     */
    @POST
    @PermitAll
    @Transactional
    @Operation(summary = "Register a customer (takes over a guest record with the same email or phone)")
    public Response register(@Valid @NotNull(message = "a JSON body is required") Registration registration,
                             @Context UriInfo uri, @Context HttpServerRequest http) {
        String phone = normalisedPhone(registration.phone());
        String email = registration.email().trim();
        Optional<Customer> byEmail = Customer.findActiveByEmail(email);
        Optional<Customer> byPhone = Customer.findActiveByPhone(phone);
        if (byEmail.isPresent() && !byEmail.get().guest) {
            throw ProblemException.conflict("A customer with this email already exists");
        }
        if (byPhone.isPresent() && (!byPhone.get().guest || byEmail.filter(c -> c != byPhone.get()).isPresent())) {
            throw ProblemException.conflict("A customer with this phone already exists");
        }
        boolean takeover = byEmail.or(() -> byPhone).isPresent();
        Customer customer = byEmail.or(() -> byPhone).orElseGet(Customer::new);
        customer.firstName = registration.firstName().trim();
        customer.lastName = registration.lastName().trim();
        customer.middleName = blankToNull(registration.middleName());
        customer.email = email;
        customer.phone = phone;
        customer.birthday = registration.birthday();
        customer.gender = registration.gender();
        customer.city = blankToNull(registration.city());
        customer.company = blankToNull(registration.company());
        customer.position = blankToNull(registration.position());
        customer.passwordHash = registration.password() == null ? null : passwords.hash(registration.password());
        customer.guest = false;
        customer.emailConfirmedAt = null;
        customer.updatedAt = Instant.now();
        if (takeover) {
            customer.credentialsVersion++;
        } else {
            customer.persist();
        }
        Customer.flush(); // a concurrent registration with the same email/phone is a 409 here
        events.publish(CustomerChanged.REGISTERED, customer);
        if (customer.passwordHash != null) {
            tokens.mail(customer, CustomerTokens.Purpose.EMAIL_CONFIRMATION, ClientAddress.of(http));
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(customer.id)).build())
                .entity(CustomerView.of(customer)).build();
    }

    @POST
    @Path("/confirm")
    @PermitAll
    @Transactional
    @Operation(summary = "Confirm an email address with the token mailed to it (single use)")
    public Response confirm(@Valid @NotNull(message = "a JSON body is required") ConfirmationRequest request) {
        Optional<Customer> customer = Customer.findActiveByEmail(request.email().trim());
        tokens.redeem(customer, CustomerTokens.Purpose.EMAIL_CONFIRMATION, request.token().trim());
        Customer confirmed = customer.orElseThrow();
        confirmed.emailConfirmedAt = Instant.now();
        confirmed.updatedAt = confirmed.emailConfirmedAt;
        guestOrders.emailConfirmed(confirmed); // the email is proven: orders placed with it as a guest are its own
        return Response.noContent().build();
    }

    /** Digits with the usual separators of a written phone number, e.g. {@code +7 (926) 555-12-34}. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().-]+");

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "List or search customers (staff); q matches names or email, and a phone when written like one")
    public Page<CustomerView> list(@BeanParam @Valid PageParams page,
                                   @QueryParam("q") @Size(max = 100, message = "must be at most 100 characters") String q) {
        StringBuilder where = new StringBuilder("deletedAt is null");
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            String text = q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" and (lower(firstName) like :q or lower(lastName) like :q or lower(middleName) like :q"
                    + " or lower(email) like :q");
            params.and("q", "%" + text + "%");
            // only a query written like a phone number searches phones: the digits of "anna-1985" or of
            // an email would otherwise find everyone whose number happens to contain them
            String digits = q.replaceAll("\\D", "");
            if (PHONE_LIKE.matcher(q.trim()).matches() && digits.length() >= 3) {
                where.append(" or phone like :digits");
                params.and("digits", "%" + digits + "%");
            }
            where.append(")");
        }
        return Paging.page(Customer.<Customer>find(where.toString(), Sort.by("id"), params), page, CustomerView::of);
    }

    /** A customer sees only itself; staff see anyone. */
    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a customer (the customer itself or staff)")
    public CustomerView get(@PathParam("id") long id) {
        return CustomerView.of(findOwn(id));
    }

    /**
     * Merge-patch of the profile: absent fields stay, null clears an optional field. A new email must
     * be free among active customers and needs confirming again. The phone has its own endpoint.
     */
    @PATCH
    @Path("/{id}")
    @Authenticated
    @Transactional
    @Operation(summary = "Change a customer's profile (JSON merge patch: null clears optional fields)")
    public CustomerView update(@PathParam("id") long id, JsonNode body, @Context HttpServerRequest http) {
        Customer customer = findOwn(id);
        if (body != null && body.has("phone")) {
            throw ProblemException.badRequest("Change the phone with PUT /api/customers/" + id + "/phone");
        }
        MergePatch patch = MergePatch.of(body, PATCH_FIELDS).constrainedBy(Registration.class, validator);
        MergePatch.Change<String> firstName = patch.text("firstName", true);
        MergePatch.Change<String> lastName = patch.text("lastName", true);
        MergePatch.Change<String> middleName = patch.text("middleName", false);
        MergePatch.Change<String> email = patch.text("email", true);
        MergePatch.Change<java.time.LocalDate> birthday = patch.date("birthday", false);
        MergePatch.Change<String> gender = patch.text("gender", false);
        MergePatch.Change<String> city = patch.text("city", false);
        MergePatch.Change<String> company = patch.text("company", false);
        MergePatch.Change<String> position = patch.text("position", false);
        MergePatch.Change<Boolean> backInStockMails = patch.flag("backInStockMails");
        patch.requireValid();
        boolean emailChanged = email.present() && !email.value().equalsIgnoreCase(customer.email);
        if (emailChanged && Customer.findActiveByEmail(email.value()).isPresent()) {
            throw ProblemException.conflict("A customer with this email already exists");
        }
        firstName.ifPresent(v -> customer.firstName = v);
        lastName.ifPresent(v -> customer.lastName = v);
        middleName.ifPresent(v -> customer.middleName = v);
        email.ifPresent(v -> customer.email = v);
        birthday.ifPresent(v -> customer.birthday = v);
        gender.ifPresent(v -> customer.gender = v);
        city.ifPresent(v -> customer.city = v);
        company.ifPresent(v -> customer.company = v);
        position.ifPresent(v -> customer.position = v);
        backInStockMails.ifPresent(v -> customer.backInStockMails = v);
        customer.updatedAt = Instant.now();
        Customer.flush();
        if (emailChanged) {
            customer.emailConfirmedAt = null;
            tokens.mail(customer, CustomerTokens.Purpose.EMAIL_CONFIRMATION, ClientAddress.of(http));
        }
        events.publish(CustomerChanged.UPDATED, customer);
        return CustomerView.of(customer);
    }

    @PUT
    @Path("/{id}/phone")
    @Authenticated
    @Transactional
    @Operation(summary = "Change a customer's phone (normalised, unique among active customers)")
    public CustomerView changePhone(@PathParam("id") long id,
                                    @Valid @NotNull(message = "a JSON body is required") PhoneChange change) {
        Customer customer = findOwn(id);
        String phone = normalisedPhone(change.phone());
        if (!phone.equals(customer.phone)) {
            if (Customer.findActiveByPhone(phone).isPresent()) {
                throw ProblemException.conflict("A customer with this phone already exists");
            }
            customer.phone = phone;
            customer.updatedAt = Instant.now();
            Customer.flush();
            events.publish(CustomerChanged.UPDATED, customer);
        }
        return CustomerView.of(customer);
    }

    /**
     * Soft delete: the row stays (orders refer to it) but the customer disappears from the API, cannot
     * sign in, its sessions end, and its email and phone are free for a new registration.
     */
    @DELETE
    @Path("/{id}")
    @Authenticated
    @Transactional
    @Operation(summary = "Delete a customer (soft: the record is kept for order history)")
    public Response delete(@PathParam("id") long id) {
        Customer customer = findOwn(id);
        customer.deletedAt = Instant.now();
        customer.updatedAt = customer.deletedAt;
        sessions.endAll(Subject.Kind.CUSTOMER, customer.id);
        events.publish(CustomerChanged.DELETED, customer);
        return Response.noContent().build();
    }

    /** 403 before 404: a customer learns nothing about other ids. */
    private Customer findOwn(long id) {
        currentUser.requireStaffOrCustomer(id);
        return Customer.findActive(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }

    static String normalisedPhone(String raw) {
        return Phones.normalise(raw).orElseThrow(() -> new ProblemException(
                Problem.of(400, "Validation failed", "phone: must have 11 to 14 digits")
                        .withErrors(List.of(new Problem.FieldError("phone", "must have 11 to 14 digits")))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
