package shop.customers.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.customers.customer.Customer;
import shop.customers.customer.Phones;
import shop.customers.staff.StaffUser;

@Path("/api/auth/token")
public class TokenResource {
    /** One answer for every wrong credential, so nobody learns which logins exist. */
    static final String WRONG_CREDENTIALS = "Wrong login or password";

    /** Checked against when no account matches, so that a miss costs as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such account");

    @Inject
    TokenIssuer issuer;

    @POST
    @Transactional
    @Operation(summary = "Sign in with login (staff) or email/phone (customer) and a password")
    public TokenResponse signIn(@Valid @NotNull(message = "a JSON body is required") TokenRequest request) {
        int identifiers = (request.login() != null ? 1 : 0) + (request.email() != null ? 1 : 0)
                + (request.phone() != null ? 1 : 0);
        if (identifiers != 1) {
            throw ProblemException.badRequest("Give exactly one of login, email or phone");
        }
        if (request.login() != null) {
            Optional<StaffUser> user = StaffUser.findByLogin(request.login());
            if (passwordMatches(user.map(u -> u.passwordHash), request.password())) {
                StaffUser staff = user.get();
                return issuer.issue(staff.id, staff.login, Set.of(staff.role));
            }
        } else {
            Optional<Customer> customer = request.email() != null
                    ? Customer.findActiveByEmail(request.email().trim())
                    : Phones.normalise(request.phone()).flatMap(Customer::findActiveByPhone);
            if (passwordMatches(customer.map(c -> c.passwordHash), request.password())) {
                Customer c = customer.get();
                return issuer.issue(c.id, c.email != null ? c.email : c.phone, Set.of(Roles.CUSTOMER));
            }
        }
        throw new ProblemException(Response.Status.UNAUTHORIZED, WRONG_CREDENTIALS);
    }

    private static boolean passwordMatches(Optional<String> hash, String password) {
        boolean matches = BcryptUtil.matches(password, hash.orElse(DUMMY_HASH));
        return hash.isPresent() && matches;
    }
}
