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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import shop.catalog.cache.RenderedAnswers;
import shop.catalog.product.ProductView;
import shop.commons.paging.Page;
import shop.commons.security.CurrentUser;

/**
 * The catalog as shoppers browse it: search, filters, sort and paging over products with their variants,
 * colours, sizes and images. Hidden and deleted products are listed only for staff who ask for them; for
 * anyone else asking is refused (401 without a token, 403 with one) rather than silently ignored, so a
 * client never mistakes the public list for the whole catalog.
 *
 * <p>Pages are kept rendered ({@link RenderedAnswers}) under the checked query: what a page holds depends
 * on the query alone, and the queries that show hidden or deleted products are answered only to staff
 * (checked before the cache is asked) and marked private. {@code new=true} pages are not kept: which
 * products are new changes with the clock, not with a write.
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

    @Inject
    RenderedAnswers answers;

    @Inject
    ProductFacets facets;

    @GET
    @PermitAll
    @APIResponse(responseCode = "200", description = "One page of products; ETag, If-None-Match answers 304",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "304", description = "The page is still the one with the ETag sent in If-None-Match")
    public Response list(@BeanParam BrowseParams params, @Context UriInfo uri, @Context HttpHeaders headers) {
        ProductFilter filter = ProductFilter.parse(params, uri.getQueryParameters());
        boolean staffOnly = filter.includeHidden() || filter.includeDeleted();
        if (staffOnly && !user.isStaff()) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            throw new ForbiddenException();
        }
        if (filter.isNew()) {
            return answers.uncached(page(filter), staffOnly, headers);
        }
        return answers.answer(new RenderedAnswers.Key("products", filter.cacheKey()), staffOnly, headers, () -> page(filter));
    }

    /** The page, with the facet counts of the whole filter when asked ({@code facets=true}: one statement more). */
    private Object page(ProductFilter filter) {
        cards.readOnly();
        Page<Long> ids = search.find(filter, filter.page().limit, filter.page().offset);
        List<ProductView> items = cards.byIds(ids.items());
        if (filter.facets()) {
            return new FacetedPage(items, ids.total(), facets.count(filter));
        }
        return new Page<>(items, ids.total());
    }

    /** A page with its facets: {@code {"items": [...], "total": N, "facets": {...}}}. */
    record FacetedPage(List<ProductView> items, long total, ProductFacets.Facets facets) {
    }

    /** The answer's shape, for the OpenAPI document (a generic {@code Page} cannot be named there). */
    @Schema(name = "ProductPage")
    public record ProductPage(java.util.List<ProductView> items, long total) {
    }
}
