package shop.customers.common;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import shop.commons.domain.NotFound;
import shop.commons.security.CurrentUser;
import shop.customers.customer.Customer;

/**
 * Who may touch what hangs under {@code /api/customers/{customerId}/...}. The caller is checked before
 * the customer is looked up, so a foreign caller gets 403 whether or not the customer (or the thing
 * under it) exists; an allowed caller gets 404 for a customer that does not exist (or was deleted).
 */
@ApplicationScoped
public class CustomerAccess {
    @Inject
    CurrentUser currentUser;

    /** The customer itself or staff. */
    public void requireOwnerOrStaff(long customerId) {
        currentUser.requireStaffOrCustomer(customerId);
        requireActive(customerId);
    }

    /** The customer itself only (staff neither). */
    public void requireOwner(long customerId) {
        if (!currentUser.isCustomer(customerId)) {
            throw new ForbiddenException();
        }
        requireActive(customerId);
    }

    private static void requireActive(long customerId) {
        if (Customer.findActive(customerId).isEmpty()) {
            throw NotFound.of("customer", customerId);
        }
    }
}
