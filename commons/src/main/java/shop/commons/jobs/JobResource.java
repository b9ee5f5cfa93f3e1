package shop.commons.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;

/**
 * The staff endpoints of one job type, written once: {@code GET} (newest first, a page at a time),
 * {@code GET {id}} and {@code POST {id}/cancel}. A service's subclass names its {@code @Path}, the job type and
 * how a job is shown, and adds the {@code POST} that starts a job (answered with {@link #accepted}).
 */
public abstract class JobResource {
    /** How a job of this type is shown: {@code detailed} for {@code GET {id}}, not in lists. */
    @FunctionalInterface
    public interface View {
        JobView of(BackgroundJob job, boolean detailed);
    }

    private final String type;
    private final String what;
    private final View view;

    /** Not private: ArC injects a superclass field of another package only when it is not private. */
    @Inject
    protected BackgroundJobs backgroundJobs;

    @Inject
    protected CurrentUser currentUser;

    /**
     * @param type the job type
     * @param what how the API names such a job in "{what} {id} does not exist"
     */
    protected JobResource(String type, String what, View view) {
        this.type = type;
        this.what = what;
        this.view = view;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Page<JobView> list(@BeanParam @Valid PageParams page) {
        return BackgroundJobs.page(type, page, job -> view.of(job, false));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public JobView get(@PathParam("id") long id) {
        return view.of(backgroundJobs.find(what, id, type), true);
    }

    /** Asks the job to stop: a queued one never starts, a running one stops at its next check (work done stays). */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public JobView cancel(@PathParam("id") long id) {
        return backgroundJobs.cancel(what, id, type);
    }

    /** 202 with the queued job and its Location. */
    protected Response accepted(BackgroundJob job, UriInfo uri) {
        return Response.accepted(view.of(job, false))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(job.id)).build()).build();
    }

    /** Who starts a job: the signed-in user's id. */
    protected String startedBy() {
        return currentUser.id().map(String::valueOf).orElse(null);
    }
}
