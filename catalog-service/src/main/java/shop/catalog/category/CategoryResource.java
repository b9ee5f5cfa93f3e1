package shop.catalog.category;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import shop.catalog.cache.RenderedAnswers;
import shop.commons.outbox.Outbox;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;

/** The category tree: anyone reads it (kept rendered, {@link RenderedAnswers}), staff change it. */
@Path("/api/catalog/categories")
public class CategoryResource {
    private static final Set<String> PATCH_FIELDS = Set.of("name", "parentId");

    /** Arbitrary constant naming the advisory lock that serialises changes to the shape of the tree. */
    private static final long TREE_LOCK = 0x5348_4f50_4354L;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    RenderedAnswers answers;

    @GET
    @PermitAll
    @APIResponse(responseCode = "200", description = "One page of categories; ETag, If-None-Match answers 304",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CategoryPage.class)))
    @APIResponse(responseCode = "304", description = "The page is still the one with the ETag sent in If-None-Match")
    public Response list(@BeanParam @Valid PageParams page, @Context HttpHeaders headers) {
        return answers.answer(new RenderedAnswers.Key("categories", List.of(page.limit, page.offset)), false, headers,
                () -> Paging.page(Category.<Category>findAll(Sort.by("name").and("id")), page, CategoryView::of));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The category; ETag, If-None-Match answers 304",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "304", description = "The category is still the one with the ETag sent in If-None-Match")
    public Response get(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answers.answer(new RenderedAnswers.Key("category", id), false, headers,
                () -> Category.<Category>findByIdOptional(id).map(CategoryView::of)
                        .orElseThrow(() -> ProblemException.notFound("category", id)));
    }

    /** The list's shape, for the OpenAPI document (a generic {@code Page} cannot be named there). */
    @Schema(name = "CategoryPage")
    public record CategoryPage(List<CategoryView> items, long total) {
    }

    /** Rename and/or move; moving under itself or one of its own descendants is refused (409). */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public CategoryView patch(@PathParam("id") long id, JsonNode body) {
        // read as a merge patch: "parentId": null (move to the top level) differs from leaving it out
        MergePatch patch = MergePatch.of(body, PATCH_FIELDS);
        String name = patch.text("name", 200, true).value();
        MergePatch.Change<Long> parent = patch.id("parentId", false, "must be a category id or null");
        patch.requireValid();
        if (parent.present()) {
            lockTree();
        }
        Category category = Category.<Category>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("category", id));
        if (name != null && !name.equalsIgnoreCase(category.name) && Category.nameTaken(name)) {
            throw ProblemException.conflict("A category named '" + name + "' already exists");
        }
        if (parent.present() && parent.value() != null) {
            requireNoCycle(category, parent.value());
        }
        if (name != null) {
            category.name = name;
        }
        if (parent.present()) {
            category.parentId = parent.value();
        }
        outbox.add(Topics.CATALOG_CATEGORIES, category.id, CategoryChanged.UPDATED, CategoryChanged.VERSION,
                new CategoryChanged(category.id, category.name, category.parentId));
        return CategoryView.of(category);
    }

    /** Only an empty category can go: its sub-categories would lose their place in the tree. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        // a move under this category cannot commit between the check for sub-categories and the delete
        lockTree();
        Category category = Category.<Category>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("category", id));
        if (Category.count("parentId", id) > 0) {
            throw ProblemException.conflict("The category '" + category.name + "' has sub-categories; move or delete them first");
        }
        if (shop.catalog.product.Product.count("categoryId", id) > 0) {
            throw ProblemException.conflict("The category '" + category.name + "' has products; move or delete them first");
        }
        category.delete();
        outbox.add(Topics.CATALOG_CATEGORIES, category.id, CategoryChanged.DELETED, CategoryChanged.VERSION,
                new CategoryChanged(category.id, category.name, category.parentId));
    }

    /**
     * Moves (and deletes) take turns: two moves checked side by side ("A under B" and "B under A") would
     * each find no cycle and commit one together. Held until the transaction ends; taken before any
     * category is read, so the walk below sees the tree as the previous move committed it.
     */
    private void lockTree() {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", TREE_LOCK).getSingleResult();
    }

    private static void requireNoCycle(Category category, long newParentId) {
        Long ancestor = newParentId;
        // a cycle committed before moves were serialised would make the walk endless
        Set<Long> seen = new HashSet<>();
        while (ancestor != null) {
            if (ancestor.equals(category.id)) {
                throw ProblemException.conflict("A category cannot be moved under itself or its own sub-category");
            }
            if (!seen.add(ancestor)) {
                throw ProblemException.conflict("The categories above " + newParentId
                        + " form a loop; move one of them to the top level first");
            }
            Category next = Category.findById(ancestor);
            if (next == null) {
                throw ProblemException.badRequest("parentId " + newParentId + " is not a category");
            }
            ancestor = next.parentId;
        }
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public Response create(@Valid @NotNull(message = "a JSON body is required") CategoryRequest request,
                           @Context UriInfo uri) {
        String name = request.name().trim();
        if (Category.nameTaken(name)) {
            throw ProblemException.conflict("A category named '" + name + "' already exists");
        }
        if (request.parentId() != null && Category.findById(request.parentId()) == null) {
            throw ProblemException.badRequest("parentId " + request.parentId() + " is not a category");
        }
        Category category = new Category();
        category.name = name;
        category.parentId = request.parentId();
        category.persist();
        outbox.add(Topics.CATALOG_CATEGORIES, category.id, CategoryChanged.CREATED, CategoryChanged.VERSION,
                new CategoryChanged(category.id, category.name, category.parentId));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(category.id)).build())
                .entity(CategoryView.of(category)).build();
    }
}
