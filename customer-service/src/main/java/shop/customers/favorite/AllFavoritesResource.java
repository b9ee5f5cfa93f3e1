package shop.customers.favorite;

import shop.commons.input.QueryInstants;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.customers.common.FieldProblems;

/**
 * Favorites across customers (seed 004's {@code /rest/v1/favorites/}): staff's filtered list, and deleting
 * by favorite ids, answering how many went. A customer may delete by ids too, but only its own favorites
 * count: another customer's id is treated exactly like an id that does not exist (not a 403, which would
 * tell the caller that the id exists).
 */
@Path("/api/customers/favorites")
public class AllFavoritesResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    Favorites favorites;

    public record Deleted(int deleted) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    @Operation(summary = "Favorites of all customers, newest first, filtered (staff)")
    public Page<StaffFavoriteView> list(
            @Parameter(description = "only these customers: customerId=1&customerId=2 or customerId=1,2")
            @QueryParam("customerId") List<String> customerIds,
            @Parameter(description = "only these products: productId=1 (or a list like customerId)")
            @QueryParam("productId") List<String> productIds,
            @Parameter(description = "added at or after: a date (UTC) or an instant") @QueryParam("from") String from,
            @Parameter(description = "added before: a date (UTC, the whole day included) or an instant") @QueryParam("to") String to,
            @BeanParam @Valid PageParams page) {
        Set<Long> customers = FavoriteResource.parseIds("customerId", customerIds);
        Set<Long> products = FavoriteResource.parseIds("productId", productIds);
        Instant fromAt = QueryInstants.instant("from", from, false);
        Instant toAt = QueryInstants.instant("to", to, true);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!customers.isEmpty()) {
            where.add("customerId in :customers");
            params.and("customers", customers);
        }
        if (!products.isEmpty()) {
            where.add("productId in :products");
            params.and("products", products);
        }
        if (fromAt != null) {
            where.add("addedAt >= :from");
            params.and("from", fromAt);
        }
        if (toAt != null) {
            where.add("addedAt < :to");
            params.and("to", toAt);
        }
        Sort newestFirst = Sort.descending("addedAt", "id");
        Map<String, Object> bound = params.map();
        return Paging.page(where.isEmpty() ? Favorite.<Favorite>findAll(newestFirst)
                : Favorite.<Favorite>find(String.join(" and ", where), newestFirst, bound), page, StaffFavoriteView::of);
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CUSTOMER})
    @Transactional
    @Operation(summary = "Delete favorites by id; {deleted: n}. Staff delete any, a customer only its own"
            + " (other ids count as not found)")
    public Deleted delete(@Parameter(description = "favorite ids: ids=1,2,3 (or repeated); at least one")
                          @QueryParam("ids") List<String> ids) {
        Set<Long> parsed = FavoriteResource.parseIds("ids", ids);
        if (parsed.isEmpty()) {
            // never "delete nothing" silently: a client that lost its ids must not think it deleted them
            throw FieldProblems.invalid("ids", "is required: at least one favorite id");
        }
        Optional<Long> owner = currentUser.isStaff() ? Optional.empty()
                : Optional.of(currentUser.id().orElseThrow(io.quarkus.security.ForbiddenException::new));
        return new Deleted(favorites.removeByIds(parsed, owner));
    }

}
