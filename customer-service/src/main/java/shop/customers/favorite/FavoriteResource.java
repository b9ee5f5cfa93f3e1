package shop.customers.favorite;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.problem.ProblemException;
import shop.customers.common.CustomerAccess;
import shop.customers.common.FieldProblems;

/**
 * A customer's favorite products (seed 004), for the customer itself and staff. Adding is idempotent:
 * 201 the first time, 200 with the same favorite after. Products the catalog deleted drop out
 * ({@link ProductRemovals}) and cannot be added again.
 */
@Path("/api/customers/{customerId}/favorites")
@Authenticated
public class FavoriteResource {
    /** More ids than this in one request is not a favorites list a person keeps. */
    static final int MAX_IDS = 200;

    @Inject
    CustomerAccess access;

    @Inject
    Favorites favorites;

    @POST
    @Transactional
    @Operation(summary = "Add a product to the favorites: 201 when added, 200 when it already was one")
    public Response add(@PathParam("customerId") long customerId,
                        @Valid @NotNull(message = "a JSON body is required") FavoriteRequest request,
                        @Context UriInfo uri) {
        access.requireOwnerOrStaff(customerId);
        long productId = request.productId();
        if (favorites.removedAt(productId).isPresent()) {
            throw ProblemException.notFound("product", productId);
        }
        Favorites.Added added = favorites.add(customerId, productId);
        if (!added.created()) {
            return Response.ok(added.favorite()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().queryParam("productId", productId).build())
                .entity(added.favorite()).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The favorites, most recently added first, optionally only some products")
    public Page<FavoriteView> list(@PathParam("customerId") long customerId,
                                   @Parameter(description = "only these products: productId=1&productId=2 or productId=1,2")
                                   @QueryParam("productId") List<String> productIds,
                                   @BeanParam @Valid PageParams page) {
        access.requireOwnerOrStaff(customerId);
        return favorites.list(customerId, parseIds("productId", productIds), page);
    }

    @DELETE
    @Transactional
    @Operation(summary = "Remove products from the favorites; ids not among them and an empty list change nothing")
    public Response remove(@PathParam("customerId") long customerId,
                           @Parameter(description = "productIds=1,2,3 (or repeated)")
                           @QueryParam("productIds") List<String> productIds) {
        access.requireOwnerOrStaff(customerId);
        favorites.remove(customerId, parseIds("productIds", productIds));
        return Response.noContent().build();
    }

    /** "1,2" and repeated parameters alike; blanks are ignored, anything else than a positive id is a 400. */
    static Set<Long> parseIds(String field, List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    long parsed = Long.parseLong(id);
                    if (parsed <= 0) {
                        throw new NumberFormatException();
                    }
                    ids.add(parsed);
                } catch (NumberFormatException e) {
                    throw FieldProblems.invalid(field, "must be a comma-separated list of positive ids, not '" + id + "'");
                }
            }
        }
        if (ids.size() > MAX_IDS) {
            throw FieldProblems.invalid(field, "must name at most " + MAX_IDS + " ids");
        }
        return ids;
    }
}
