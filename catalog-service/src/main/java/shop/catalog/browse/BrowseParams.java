package shop.catalog.browse;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import shop.commons.paging.PageParams;

/**
 * The query of {@code GET /api/catalog/products}, as sent. Everything arrives as text and is checked by
 * {@link ProductFilter#parse}, so a wrong value is a 400 naming the parameter: typed parameters (such as
 * {@code @BeanParam PageParams}) that fail to convert are answered 404 by JAX-RS.
 */
public class BrowseParams {
    /** Every parameter the list knows (with limit and offset); any other is refused. */
    static final Set<String> NAMES = Set.of("q", "categoryId", "supplierId", "colorId", "sizeId", "minPrice",
            "maxPrice", "inStock", "sale", "new", "sort", "includeHidden", "includeDeleted", "limit", "offset",
            "ids", "facets");

    @QueryParam("q")
    @Parameter(description = "Words to find in the name, article or description (Russian or English, any case; "
            + "a word may be cut short: 'футб' finds 'Футболка'), or a piece of an article")
    public List<String> q;

    @QueryParam("categoryId")
    @Parameter(description = "Category id, sub-categories included; repeat for several")
    public List<String> categoryId;

    @QueryParam("supplierId")
    @Parameter(description = "Supplier id; repeat for several")
    public List<String> supplierId;

    @QueryParam("colorId")
    @Parameter(description = "Colour id a live variant has; repeat for several")
    public List<String> colorId;

    @QueryParam("sizeId")
    @Parameter(description = "Size id a live variant has; repeat for several")
    public List<String> sizeId;

    @QueryParam("minPrice")
    @Parameter(description = "Lowest effective price (the discounted one when there is a discount) of a variant")
    public List<String> minPrice;

    @QueryParam("maxPrice")
    @Parameter(description = "Highest effective price of a variant")
    public List<String> maxPrice;

    @QueryParam("inStock")
    @Parameter(description = "true: only products with a variant available to order")
    public List<String> inStock;

    @QueryParam("sale")
    @Parameter(description = "true: only products with a variant on sale (discounted, or marked sale)")
    public List<String> sale;

    @QueryParam("new")
    @Parameter(description = "true: only products created within shop.catalog.new-period or with a variant marked new")
    public List<String> isNew;

    @QueryParam("sort")
    @Parameter(description = "new (newest first; the default without q), relevance (the default with q), "
            + "name, -name, price, -price (by the lowest effective price)")
    public List<String> sort;

    @QueryParam("includeHidden")
    @Parameter(description = "Staff only: true also lists hidden products")
    public List<String> includeHidden;

    @QueryParam("limit")
    @Parameter(description = "Products per page, 1 to " + PageParams.MAX_LIMIT + "; 20 unless given")
    public List<String> limit;

    @QueryParam("offset")
    @Parameter(description = "Products to skip; 0 unless given")
    public List<String> offset;

    @QueryParam("includeDeleted")
    @Parameter(description = "Staff only: true also lists deleted products")
    public List<String> includeDeleted;

    // issue 15: product ids (seed 003), facets; param.<name>=<value> filters are read from the query itself
    @QueryParam("ids")
    @Parameter(description = "Product ids, comma-separated or repeated (up to 100)")
    public List<String> ids;

    @QueryParam("facets")
    @Parameter(description = "true: the answer also counts the matching products by category, colour, size, "
            + "supplier, price band and parameter (facets); param.<name>=<value> filters by a product parameter")
    public List<String> facets;
}
