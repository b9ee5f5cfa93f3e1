package shop.catalog.onec;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import shop.commons.jobs.JobView;
import shop.commons.security.Roles;

/**
 * The 1C stock report (.xlsx, columns "Характеристика.Код" → variant externalId and "Итого по всем складам"
 * → on-hand): 202 with a job to poll. Stock pushed as JSON ({@code /stock/levels}) is polled here too.
 */
@Path("/api/catalog/stock/imports")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class StockImportResource {
    @Inject
    OneCUploads uploads;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @QueryParam("mode") String mode, @Context UriInfo uri) {
        return uploads.start(OneCImport.Kind.stock, mode, file, uri);
    }

    @GET
    @Path("/{id}")
    public JobView get(@PathParam("id") long id) {
        return uploads.get(id, OneCImport.Kind.stock, OneCImport.Kind.levels);
    }

    /** Asks the import to stop before its next batch; the batches applied before stay (imports set absolute values). */
    @POST
    @Path("/{id}/cancel")
    public JobView cancel(@PathParam("id") long id) {
        return uploads.cancel(id, OneCImport.Kind.stock, OneCImport.Kind.levels);
    }
}
