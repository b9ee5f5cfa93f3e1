package shop.catalog.category;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import shop.commons.outbox.Outbox;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;

/** The category tree: anyone reads it, staff change it. */
@Path("/api/catalog/categories")
public class CategoryResource {
    @Inject
    Outbox outbox;

    @GET
    @PermitAll
    public Page<CategoryView> list(@BeanParam @Valid PageParams page) {
        var query = Category.findAll(Sort.by("name").and("id"));
        return new Page<>(query.range(page.offset, page.offset + page.limit - 1).list().stream()
                .map(c -> CategoryView.of((Category) c)).toList(), query.count());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public CategoryView get(@PathParam("id") long id) {
        return Category.<Category>findByIdOptional(id).map(CategoryView::of)
                .orElseThrow(() -> ProblemException.notFound("category", id));
    }

    /** Rename and/or move; moving under itself or one of its own descendants is refused (409). */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public CategoryView patch(@PathParam("id") long id, JsonNode body) {
        CategoryChange change = CategoryChange.from(body);
        Category category = Category.<Category>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("category", id));
        if (change.name() != null && !change.name().equalsIgnoreCase(category.name) && Category.nameTaken(change.name())) {
            throw ProblemException.conflict("A category named '" + change.name() + "' already exists");
        }
        if (change.moves() && change.parentId() != null) {
            requireNoCycle(category, change.parentId());
        }
        if (change.name() != null) {
            category.name = change.name();
        }
        if (change.moves()) {
            category.parentId = change.parentId();
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

    private static void requireNoCycle(Category category, long newParentId) {
        Long ancestor = newParentId;
        while (ancestor != null) {
            if (ancestor.equals(category.id)) {
                throw ProblemException.conflict("A category cannot be moved under itself or its own sub-category");
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
