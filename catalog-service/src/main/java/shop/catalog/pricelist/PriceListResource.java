package shop.catalog.pricelist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import shop.catalog.supplier.Supplier;
import shop.catalog.supplier.SupplierAccess;
import io.quarkus.security.identity.SecurityIdentity;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.JobView;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * A supplier's price list (seed 002 YAML): its own users or staff upload it, read the current one back
 * in the same format, and follow large uploads, which are applied in the background.
 */
@Path("/api/catalog/suppliers/{id: \\d+}")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
public class PriceListResource {
    static final String YAML = "application/yaml";

    @Inject
    SupplierAccess access;

    @Inject
    PriceListImporter importer;

    @Inject
    PriceListExport export;

    @Inject
    PriceListJobs jobs;

    @Inject
    PriceListFetcher fetcher;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "shop.price-lists.max-bytes", defaultValue = "8388608")
    int maxBytes;

    @ConfigProperty(name = "shop.price-lists.async-above", defaultValue = "1000")
    int asyncAbove;

    /**
     * Checked whole before anything changes (400 listing every problem with its line), then applied in one
     * transaction: 200 with a summary, or for more than {@code shop.price-lists.async-above} offers 202 and
     * a job to follow.
     */
    @POST
    @Path("/price-lists")
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") long id, InputStream body, @Context UriInfo uri) {
        supplier(id);
        return apply(id, read(body), uri, null);
    }

    /** The same as a multipart form with the file in the field {@code file}. */
    @POST
    @Path("/price-lists")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadForm(@PathParam("id") long id, @RestForm("file") FileUpload file, @Context UriInfo uri) {
        supplier(id);
        if (file == null) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The form needs the price list in the field 'file'")
                    .withErrors(List.of(new Problem.FieldError("file", "is required"))));
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return apply(id, read(in), uri, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of {@code POST .../price-lists/from-url}. */
    public record FetchRequest(String url) {
    }

    /**
     * The list at an http(s) URL (seed 002: a supplier publishes its list on its own site), fetched within the
     * limits of {@link PriceListFetcher} and then imported exactly as the same file uploaded: the same answers
     * (200 summary, 202 job, 400 with every problem), the job's report also naming the URL. Anything wrong
     * with the URL or its server's answer is a 400 naming {@code url}.
     */
    @POST
    @Path("/price-lists/from-url")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response fetch(@PathParam("id") long id, FetchRequest request, @Context UriInfo uri) {
        supplier(id);
        java.net.URI url = PriceListFetcher.parse(request == null ? null : request.url());
        return apply(id, decode(fetcher.fetch(url)), uri, url.toString());
    }

    /** The supplier's offers now, in the upload format: uploading it again changes nothing. */
    @GET
    @Path("/price-list")
    @Produces(YAML)
    public String current(@PathParam("id") long id) {
        return export.export(supplier(id));
    }

    /** The same as {@code GET .../price-list}. */
    @GET
    @Path("/price-lists/current")
    @Produces(YAML)
    public String currentAlias(@PathParam("id") long id) {
        return current(id);
    }

    /** A background import: the commons job view with {@code supplierId, created, updated, withdrawn, unchanged}. */
    @GET
    @Path("/price-list-imports/{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        supplier(id);
        return JobView.of(jobs.find(id, jobId));
    }

    /** Asks a background import to stop: it applies nothing (the list is one transaction). */
    @POST
    @Path("/price-list-imports/{jobId}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView cancel(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        supplier(id);
        return JobView.of(jobs.cancel(id, jobId));
    }

    private Response apply(long id, String text, UriInfo uri, String url) {
        PriceList list = PriceListYaml.parse(text, maxBytes);
        if (list.offers().size() > asyncAbove) {
            importer.check(id, list);
            BackgroundJob job = jobs.start(id, list, identity.isAnonymous() ? null : identity.getPrincipal().getName(), url);
            return Response.accepted(JobView.of(job))
                    .location(uri.getBaseUriBuilder().path("api/catalog/suppliers").path(String.valueOf(id))
                            .path("price-list-imports").path(String.valueOf(job.id)).build())
                    .build();
        }
        return Response.ok(importer.run(id, list, done -> { })).build();
    }

    /** The supplier, after the caller proved it may act for it (403 before 404: ids are not secrets here). */
    private Supplier supplier(long id) {
        access.requireStaffOrOwner(id);
        Supplier supplier = Supplier.findById(id);
        if (supplier == null) {
            throw ProblemException.notFound("supplier", id);
        }
        return supplier;
    }

    private String read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ProblemException.badRequest("The price list could not be read: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.badRequest("The price list is larger than " + maxBytes + " bytes");
        }
        return decode(bytes);
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The price list must be UTF-8 text");
        }
    }
}
