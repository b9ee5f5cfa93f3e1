package shop.catalog.browse;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import shop.catalog.product.ProductView;
import shop.commons.paging.Page;
import shop.commons.security.CurrentUser;

/**
 * The catalog as shoppers browse it: search, filters, sort and paging over products with their variants,
 * colours, sizes and images. Hidden and deleted products are listed only for staff who ask for them; for
 * anyone else asking is refused (401 without a token, 403 with one) rather than silently ignored, so a
 * client never mistakes the public list for the whole catalog.
 */
@Path("/api/catalog/products")
public class BrowseResource {
    @Inject
    ProductSearch search;

    @Inject
    ProductCards cards;

    @Inject
    CurrentUser user;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    public Page<ProductView> list(@BeanParam BrowseParams params, @Context UriInfo uri) {
        ProductFilter filter = ProductFilter.parse(params, uri.getQueryParameters());
        if ((filter.includeHidden() || filter.includeDeleted()) && !user.isStaff()) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            throw new ForbiddenException();
        }
        Page<Long> ids = search.find(filter, filter.page().limit, filter.page().offset);
        return new Page<>(cards.byIds(ids.items()), ids.total());
    }
}
