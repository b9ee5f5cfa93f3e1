package shop.customers.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import shop.commons.jobs.JobResource;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Legacy customer imports (seed 004), for staff. Two ways to start one:
 * <ul>
 *   <li>a CSV upload: the request body itself, {@code Content-Type: text/csv}, UTF-8, with a header line
 *       naming the columns ({@code legacy_id,phone,first_name,last_name,email,birthday,gender,updated_at};
 *       {@code phone} required, the others optional, any order);</li>
 *   <li>{@code {"source":"jdbc"}} as JSON: reads the configured legacy database ({@code shop.legacy-import.*}).</li>
 * </ul>
 * Either answers 202 with the job's Location; the job runs in the background (commons runner), and
 * {@code POST .../{id}/cancel} stops it.
 */
@Path("/api/customers/imports")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class CustomerImportResource extends JobResource {
    public static final String TEXT_CSV = "text/csv";

    /** The JSON way to start an import; only the external database is started this way. */
    public record StartImport(@NotNull(message = "is required")
                              @Pattern(regexp = "jdbc", message = "must be \"jdbc\" (upload a CSV as text/csv instead)")
                              String source) {
    }

    @Inject
    ImportJobs jobs;

    @Inject
    LegacyImportConfig config;

    public CustomerImportResource() {
        super(ImportJobs.TYPE, "import", ImportView::of);
    }

    @POST
    @Consumes(TEXT_CSV)
    public Response startCsv(InputStream body, @Context UriInfo uri) throws IOException {
        String text = utf8(body.readNBytes(config.maxCsvBytes() + 1));
        List<LegacyRecord> records = CsvRecords.parse(text);
        return accepted(jobs.startCsv(records, startedBy()), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startJdbc(@Valid @NotNull(message = "a JSON body is required") StartImport start,
                              @Context UriInfo uri) {
        return accepted(jobs.startJdbc(startedBy()), uri);
    }

    private String utf8(byte[] bytes) {
        if (bytes.length > config.maxCsvBytes()) {
            throw new ProblemException(Problem.of(413, "Content Too Large",
                    "The CSV is larger than " + config.maxCsvBytes() + " bytes; split it into several imports"));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The CSV is not valid UTF-8; save it as UTF-8 and upload it again");
        }
    }
}
