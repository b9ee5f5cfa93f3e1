package shop.catalog.dictionary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * The same REST contract for every catalog dictionary: public reads, staff writes, names unique per
 * dictionary (409), an entry in use cannot be deleted (409). Each dictionary is a small subclass that
 * names its path and entity.
 */
public abstract class DictionaryResource<E extends DictionaryEntry> {
    @Inject
    EntityManager em;

    private final Class<E> entityType;
    private final String label;
    private final int maxNameLength;

    /** {@code maxNameLength}: the width of the table's name column (longer names are a 400, not a database error). */
    protected DictionaryResource(Class<E> entityType, String label, int maxNameLength) {
        this.entityType = entityType;
        this.label = label;
        this.maxNameLength = maxNameLength;
    }

    /** Creates an empty entity of this dictionary. */
    protected abstract E newEntry();

    /**
     * Called after the entry's name (or a colour's code) changed, in the same transaction: dictionaries
     * whose names travel in events republish what carries them.
     */
    protected void renamed(E entry) {
    }

    /** Whether anything (a product, a variant) still refers to the entry. */
    protected boolean inUse(E entry) {
        return false;
    }

    @GET
    @PermitAll
    public Page<DictionaryEntryView> list(@BeanParam @Valid PageParams page) {
        String entity = entityType.getSimpleName();
        List<E> entries = em.createQuery("from " + entity + " order by lower(name), id", entityType)
                .setFirstResult(page.offset).setMaxResults(page.limit).getResultList();
        long total = em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
        return new Page<>(entries.stream().map(DictionaryEntryView::of).toList(), total);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public DictionaryEntryView get(@PathParam("id") long id) {
        return DictionaryEntryView.of(find(id));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public Response create(@Valid @NotNull(message = "a JSON body is required") DictionaryEntryRequest request,
                           @Context UriInfo uri) {
        if (request.name() == null || request.name().isBlank()) {
            throw invalid("name", "is required");
        }
        E entry = newEntry();
        apply(entry, request);
        em.persist(entry);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(entry.id)).build())
                .entity(DictionaryEntryView.of(entry)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public DictionaryEntryView patch(@PathParam("id") long id,
                                     @Valid @NotNull(message = "a JSON body is required") DictionaryEntryRequest request) {
        E entry = find(id);
        DictionaryEntryView before = DictionaryEntryView.of(entry);
        apply(entry, request);
        DictionaryEntryView after = DictionaryEntryView.of(entry);
        if (!after.equals(before)) {
            renamed(entry);
        }
        return after;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        E entry = find(id);
        if (inUse(entry)) {
            throw ProblemException.conflict("The " + label + " '" + entry.name + "' is in use and cannot be deleted");
        }
        em.remove(entry);
    }

    private void apply(E entry, DictionaryEntryRequest request) {
        if (request.name() != null) {
            String name = request.name().trim().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                throw invalid("name", "must not be blank");
            }
            // varchar(n) counts characters (code points), the name as stored: trimmed, spaces collapsed
            if (name.codePointCount(0, name.length()) > maxNameLength) {
                throw invalid("name", "must be at most " + maxNameLength + " characters");
            }
            boolean taken = !em.createQuery("select e.id from " + entityType.getSimpleName()
                            + " e where lower(e.name) = lower(:name) and e.id <> :id", Long.class)
                    .setParameter("name", name).setParameter("id", entry.id == null ? -1L : entry.id)
                    .setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                throw ProblemException.conflict("A " + label + " named '" + name + "' already exists");
            }
            entry.name = name;
        }
        if (entry instanceof Color color) {
            if (request.code() != null) {
                color.code = request.code().toUpperCase(Locale.ROOT);
            } else if (color.code == null) {
                throw invalid("code", "is required for a colour");
            }
        } else if (request.code() != null) {
            throw invalid("code", "only colours have a code");
        }
    }

    private E find(long id) {
        E entry = em.find(entityType, id);
        if (entry == null) {
            throw ProblemException.notFound(label, id);
        }
        return entry;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "Validation failed", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
