package shop.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import shop.catalog.browse.ProductCards;
import shop.catalog.cache.RenderedAnswers;
import shop.catalog.category.Category;
import shop.catalog.dictionary.CareInstruction;
import shop.catalog.dictionary.Composition;
import shop.catalog.dictionary.Material;
import shop.catalog.supplier.Supplier;
import shop.catalog.supplier.SupplierAccess;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.contracts.catalog.VariantState;

/** Products: staff manage them, a supplier user those of its own supplier; who reads which: {@link ProductVisibility}. */
@Path("/api/catalog/products")
public class ProductResource {
    static final Set<String> FIELDS = Set.of("name", "article", "externalId", "categoryId", "compositionId",
            "careId", "materialIds", "description", "visible", "weight", "supplierId", "parameters");

    /** The articles price lists give their offers' products (regardless of case, as articles are unique). */
    static final Pattern PRICE_LIST_ARTICLE = Pattern.compile("s[0-9]+-.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Inject
    EntityManager em;

    @Inject
    SecurityIdentity identity;

    @Inject
    VariantEvents events;

    @Inject
    VariantChanges variants;

    @Inject
    ProductCards cards;

    @Inject
    SupplierAccess suppliers;

    @Inject
    ProductVisibility visibility;

    @Inject
    RenderedAnswers answers;

    boolean staff() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.MANAGER);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The product; ETag, If-None-Match answers 304",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "304", description = "The product is still the one with the ETag sent in If-None-Match")
    public Response get(@PathParam("id") long id, @Context HttpHeaders headers) {
        // kept only while the product is public: then everyone sees the same; a kept one is public still,
        // since hiding it is a write that ends every kept answer
        RenderedAnswers.Key key = new RenderedAnswers.Key("product", id);
        RenderedAnswers.Rendered kept = answers.kept(key);
        if (kept != null) {
            return answers.conditional(kept, false, headers);
        }
        long before = answers.beforeRead();
        cards.readOnly();
        Product product = Product.findById(id);
        if (!visibility.canRead(product)) {
            throw ProblemException.notFound("product", id);
        }
        if (ProductVisibility.isPublic(product)) {
            return answers.conditional(answers.keep(key, before, cards.of(product)), false, headers);
        }
        return answers.uncached(cards.of(product), true, headers);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public Response create(JsonNode body, @Context UriInfo uri) {
        Product product = new Product();
        if (!staff()) {
            // a supplier user's products are its supplier's unless it names another (refused below)
            product.supplierId = suppliers.ownSupplierId().orElse(null);
        }
        apply(product, MergePatch.creation(body, FIELDS));
        suppliers.requireStaffOrOwner(product.supplierId);
        product.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(product.id)).build())
                .entity(cards.of(product)).build();
    }

    /** Merge-patch: absent keys stay, null clears an optional field. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public ProductView patch(@PathParam("id") long id, JsonNode body) {
        Product product = live(id);
        suppliers.requireStaffOrOwner(product.supplierId);
        List<Variant> live = Variant.liveOfLocked(id);
        List<VariantState> before = live.stream().map(v -> VariantEvents.state(product, v)).toList();
        apply(product, MergePatch.of(body, FIELDS));
        suppliers.requireStaffOrOwner(product.supplierId);
        for (int i = 0; i < live.size(); i++) {
            if (!before.get(i).equals(VariantEvents.state(product, live.get(i)))) {
                events.publish(product, live.get(i));
            }
        }
        return cards.of(product);
    }

    /** Soft delete: the product disappears for the public, staff still see it; its variants are removed. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        Product product = live(id);
        suppliers.requireStaffOrOwner(product.supplierId);
        product.deletedAt = Instant.now();
        events.publishAll(product, Variant.liveOfLocked(id));
    }

    @POST
    @Path("/{id}/variants")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public Response addVariant(@PathParam("id") long id, JsonNode body, @Context UriInfo uri) {
        Product product = live(id);
        suppliers.requireStaffOrOwner(product.supplierId);
        Variant variant = variants.create(product, body);
        return Response.created(uri.getBaseUriBuilder().path("api/catalog/variants")
                        .path(String.valueOf(variant.id)).build())
                .entity(VariantView.of(variant)).build();
    }

    /** A product that exists and is not deleted, else 404. */
    static Product live(long id) {
        Product product = Product.findById(id);
        if (product == null || product.deleted()) {
            throw ProblemException.notFound("product", id);
        }
        return product;
    }

    private void apply(Product product, MergePatch in) {
        String name = in.text("name", 300, true).value();
        String article = in.text("article", 100, true).value();
        String externalId = in.text("externalId", 100, false).value();
        Long categoryId = in.id("categoryId", true).value();
        Long compositionId = in.id("compositionId", false).value();
        Long careId = in.id("careId", false).value();
        Set<Long> materialIds = in.ids("materialIds").value();
        String description = in.text("description", 20000, false).value();
        Boolean visible = in.flag("visible").value();
        if (in.has("visible") && visible == null && !in.failed("visible")) {
            in.fail("visible", "must be true or false");
        }
        var weight = in.decimal("weight", false, 3).value();
        Long supplierId = in.id("supplierId", false).value();
        Map<String, String> parameters = in.parameters("parameters").value();

        if (categoryId != null && Category.findById(categoryId) == null) {
            in.fail("categoryId", "category " + categoryId + " does not exist");
        }
        if (compositionId != null && em.find(Composition.class, compositionId) == null) {
            in.fail("compositionId", "composition " + compositionId + " does not exist");
        }
        if (careId != null && em.find(CareInstruction.class, careId) == null) {
            in.fail("careId", "care instruction " + careId + " does not exist");
        }
        if (supplierId != null && Supplier.findById(supplierId) == null) {
            in.fail("supplierId", "supplier " + supplierId + " does not exist");
        }
        for (Long materialId : materialIds) {
            if (em.find(Material.class, materialId) == null) {
                in.fail("materialIds", "material " + materialId + " does not exist");
                break;
            }
        }
        if (article != null && !article.equalsIgnoreCase(product.article) && PRICE_LIST_ARTICLE.matcher(article).matches()) {
            // a price list makes offer 100 of supplier 6 the article S6-100: taken here, it would refuse that list
            in.fail("article", "articles of the form S<supplier id>-<offer id> are reserved for price-list offers");
        }
        in.requireValid();

        if (article != null && !article.equalsIgnoreCase(product.article)
                && Product.count("lower(article) = lower(?1)", article) > 0) {
            throw ProblemException.conflict("A product with article '" + article + "' already exists");
        }
        if (externalId != null && !externalId.equals(product.externalId)
                && Product.count("externalId", externalId) > 0) {
            throw ProblemException.conflict("A product with externalId '" + externalId + "' already exists");
        }

        if (in.has("name")) product.name = name;
        if (in.has("article")) product.article = article;
        if (in.has("externalId")) product.externalId = externalId;
        if (in.has("categoryId")) product.categoryId = categoryId;
        if (in.has("compositionId")) product.compositionId = compositionId;
        if (in.has("careId")) product.careId = careId;
        if (in.has("materialIds") && !Objects.equals(product.materialIds, materialIds)) {
            product.materialIds.clear();
            product.materialIds.addAll(materialIds);
        }
        if (in.has("description")) product.description = description;
        if (visible != null) product.visible = visible;
        if (in.has("weight")) product.weight = weight;
        if (in.has("supplierId")) product.supplierId = supplierId;
        if (in.has("parameters")) product.parameters = parameters;
    }
}
