package shop.catalog.onec;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import shop.commons.domain.NotFound;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.BackgroundJobs;
import shop.commons.jobs.JobView;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/** What the stock and weights upload endpoints share: checking the upload and starting its job. */
@ApplicationScoped
class OneCUploads {
    @Inject
    OneCImports imports;

    @Inject
    SecurityIdentity identity;

    @Inject
    WorkbookLimits limits;

    @Inject
    BackgroundJobs jobs;

    static OneCImport.Mode mode(String mode) {
        if (mode == null || mode.isBlank() || mode.equals("partial")) {
            return OneCImport.Mode.partial;
        }
        if (mode.equals("snapshot")) {
            return OneCImport.Mode.snapshot;
        }
        throw new ProblemException(Problem.of(400, "Bad Request", "mode must be partial or snapshot")
                .withErrors(java.util.List.of(new Problem.FieldError("mode", "must be partial or snapshot"))));
    }

    /**
     * Checks the file before answering (a wrong format or a missing header is the client's mistake, told at
     * once), then copies it out of the request's upload directory (emptied when the request ends) for the job.
     */
    Response start(OneCImport.Kind kind, String modeParam, FileUpload upload, UriInfo uri) {
        OneCImport.Mode mode = mode(modeParam);
        if (upload == null || upload.uploadedFile() == null) {
            throw new ProblemException(Problem.of(400, "Bad Request", "a multipart part named 'file' with the .xlsx report is required")
                    .withErrors(java.util.List.of(new Problem.FieldError("file", "is required"))));
        }
        try {
            new ReportSheet(upload.uploadedFile(), OneCImports.columns(kind), limits).checkHeader();
        } catch (ReportSheet.NotAReport e) {
            throw e.wrongFormat
                    ? new ProblemException(Problem.of(415, "Unsupported Media Type", e.getMessage()))
                    : ProblemException.badRequest(e.getMessage());
        }
        Path copy;
        try {
            copy = Files.createTempFile("onec-" + kind + "-", ".xlsx");
            Files.copy(upload.uploadedFile(), copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BackgroundJob job = imports.create(kind, mode, upload.fileName(), user());
        imports.submitFile(job, kind, mode, copy);
        return Response.accepted(OneCImportView.of(job)).location(location(uri, job.id)).build();
    }

    String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    static URI location(UriInfo uri, long id) {
        return uri.getAbsolutePathBuilder().path(String.valueOf(id)).build();
    }

    /** The 1C import of one of these kinds with this id. */
    BackgroundJob find(long id, OneCImport.Kind... kinds) {
        BackgroundJob job = jobs.find("import", id, OneCImport.TYPE);
        String kind = job.report(OneCImport.class).kind;
        if (java.util.Arrays.stream(kinds).noneMatch(k -> k.name().equals(kind))) {
            throw NotFound.of("import", id);
        }
        return job;
    }

    JobView get(long id, OneCImport.Kind... kinds) {
        return OneCImportView.of(find(id, kinds));
    }

    /** Asks the import to stop before its next batch; the batches applied before stay. */
    JobView cancel(long id, OneCImport.Kind... kinds) {
        find(id, kinds);
        return jobs.cancel("import", id, OneCImport.TYPE);
    }
}
