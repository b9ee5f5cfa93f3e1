package shop.analytics.logs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import shop.commons.jobs.JobResource;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Imports of web-server logs in the seed 001 format, for staff. Start one by sending the file as the
 * body ({@code text/plain} or {@code application/octet-stream}; an optional {@code X-File-Name} names it
 * in the job), or — admins only — {@code {"path": "..."}} naming a file inside the configured import
 * directory. Either answers 202 with the job and its Location; poll it for progress and the result, and
 * {@code POST .../{id}/cancel} stops it.
 */
@Path("/api/analytics/log-imports")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class LogImportResource extends JobResource {
    public record ServerFile(@NotBlank(message = "is required") String path) {
    }

    @Inject
    LogImports imports;

    public LogImportResource() {
        super(LogImports.TYPE, "log import", LogImportView::of);
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body, @HeaderParam("X-File-Name") String fileName, @Context UriInfo uri)
            throws IOException {
        return accepted(imports.startUpload(body, fileName, startedBy()), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fromServer(@Valid @NotNull(message = "a JSON body is required") ServerFile file,
                               @Context UriInfo uri) {
        if (!currentUser.hasRole(Roles.ADMIN)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "Only admins may import files from the server");
        }
        return accepted(imports.startPath(file.path(), startedBy()), uri);
    }
}
