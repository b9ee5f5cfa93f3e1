package shop.customers.customer;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.quarkus.security.Authenticated;
import shop.commons.outbox.Outbox;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;

@Path("/api/customers")
public class CustomerResource {
    @Inject
    Outbox outbox;

    @Inject
    CurrentUser currentUser;

    @POST
    @PermitAll
    @Transactional
    public Response register(@Valid @NotNull(message = "a JSON body is required") Registration registration,
                             @Context UriInfo uri) {
        String phone = Phones.normalise(registration.phone()).orElseThrow(() -> new ProblemException(
                Problem.of(400, "Validation failed", "phone: must have 11 to 14 digits")
                        .withErrors(List.of(new Problem.FieldError("phone", "must have 11 to 14 digits")))));
        String email = registration.email().trim();
        if (Customer.findActiveByEmail(email).isPresent()) {
            throw ProblemException.conflict("A customer with this email already exists");
        }
        if (Customer.findActiveByPhone(phone).isPresent()) {
            throw ProblemException.conflict("A customer with this phone already exists");
        }
        Customer customer = new Customer();
        customer.firstName = registration.firstName().trim();
        customer.lastName = registration.lastName().trim();
        customer.middleName = registration.middleName();
        customer.email = email;
        customer.phone = phone;
        customer.passwordHash = registration.password() == null ? null : BcryptUtil.bcryptHash(registration.password());
        customer.persist();
        outbox.add(Topics.CUSTOMERS_EVENTS, customer.id, CustomerChanged.REGISTERED, CustomerChanged.VERSION,
                new CustomerChanged(customer.id, customer.firstName, customer.lastName, customer.email, customer.phone));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(customer.id)).build())
                .entity(CustomerView.of(customer)).build();
    }

    /** A customer sees only itself; staff see anyone. */
    @GET
    @Path("/{id}")
    @Authenticated
    public CustomerView get(@PathParam("id") long id) {
        currentUser.requireStaffOrCustomer(id);
        return Customer.findActive(id).map(CustomerView::of).orElseThrow(() -> ProblemException.notFound("customer", id));
    }
}
