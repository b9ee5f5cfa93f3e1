package shop.commons.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.commons.domain.Conflict;

/** The job's state transitions, allowed and refused, without a database. */
class BackgroundJobTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    record Counts(int created, List<String> notes) {
    }

    private static BackgroundJob queued() {
        BackgroundJob job = BackgroundJob.queued("test", "7", new Counts(0, List.of()));
        job.id = 1L;
        return job;
    }

    private static BackgroundJob running() {
        BackgroundJob job = queued();
        job.start(NOW);
        return job;
    }

    @Test
    void aNewJobIsQueued() {
        BackgroundJob job = queued();
        assertEquals(JobStatus.queued, job.status);
        assertEquals("7", job.startedBy);
        assertNull(job.startedAt);
        assertFalse(job.status.finished());
    }

    @Test
    void aQueuedJobStartsAndSucceeds() {
        BackgroundJob job = running();
        assertEquals(JobStatus.running, job.status);
        assertEquals(NOW, job.startedAt);
        job.succeed(NOW.plusSeconds(1));
        assertEquals(JobStatus.succeeded, job.status);
        assertEquals(NOW.plusSeconds(1), job.finishedAt);
        assertNull(job.error);
    }

    @Test
    void aRunningJobFailsWithItsReason() {
        BackgroundJob job = running();
        job.fail("the file is damaged", NOW);
        assertEquals(JobStatus.failed, job.status);
        assertEquals("the file is damaged", job.error);
        assertNotNull(job.finishedAt);
    }

    @Test
    void aQueuedJobMayFailItsInstanceStoppedBeforeItStarted() {
        BackgroundJob job = queued();
        job.fail(BackgroundJobs.INTERRUPTED, NOW);
        assertEquals(JobStatus.failed, job.status);
    }

    @Test
    void onlyAQueuedJobStarts() {
        BackgroundJob job = running();
        assertThrows(IllegalStateException.class, () -> job.start(NOW));
        job.succeed(NOW);
        assertThrows(IllegalStateException.class, () -> job.start(NOW));
    }

    @Test
    void onlyARunningJobSucceeds() {
        assertThrows(IllegalStateException.class, () -> queued().succeed(NOW));
        BackgroundJob failed = running();
        failed.fail("x", NOW);
        assertThrows(IllegalStateException.class, () -> failed.succeed(NOW));
    }

    @Test
    void aFinishedJobNeitherFailsNorIsCancelled() {
        for (JobStatus end : List.of(JobStatus.succeeded, JobStatus.failed, JobStatus.cancelled)) {
            BackgroundJob job = running();
            job.status = end;
            assertTrue(end.finished());
            assertThrows(IllegalStateException.class, () -> job.fail("again", NOW), end.name());
            Conflict refused = assertThrows(Conflict.class, () -> job.requestCancel(NOW), end.name());
            assertEquals("Job 1 has already finished (" + end + "); there is nothing to cancel", refused.getMessage());
            assertEquals(end, job.status);
        }
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndNeverStarts() {
        BackgroundJob job = queued();
        job.requestCancel(NOW);
        assertEquals(JobStatus.cancelled, job.status);
        assertTrue(job.cancelRequested);
        assertEquals(NOW, job.finishedAt);
        assertThrows(IllegalStateException.class, () -> job.start(NOW));
    }

    @Test
    void aRunningJobIsAskedToStopAndEndsCancelledWhenItDoes() {
        BackgroundJob job = running();
        job.requestCancel(NOW);
        assertEquals(JobStatus.running, job.status, "it stops at its next check, not here");
        assertTrue(job.cancelRequested);
        job.cancelled(NOW.plusSeconds(1));
        assertEquals(JobStatus.cancelled, job.status);
        assertNotNull(job.error);
    }

    @Test
    void aRunningJobAskedToStopMayStillFinishFirst() {
        BackgroundJob job = running();
        job.requestCancel(NOW);
        job.succeed(NOW);
        assertEquals(JobStatus.succeeded, job.status);
    }

    @Test
    void aJobNobodyAskedToStopIsNotCancelled() {
        assertThrows(IllegalStateException.class, () -> running().cancelled(NOW));
        assertThrows(IllegalStateException.class, () -> queued().cancelled(NOW));
    }

    @Test
    void progressIsRecorded() {
        BackgroundJob job = running();
        job.total = 10L;
        job.progress(4, NOW.plusSeconds(3));
        assertEquals(4, job.processed);
        assertEquals(NOW.plusSeconds(3), job.updatedAt);
    }

    @Test
    void theReportIsTheTypesOwnShape() {
        BackgroundJob job = running();
        job.updateReport(Counts.class, c -> new Counts(c.created() + 2, List.of("row 3: email dropped")));
        assertEquals(new Counts(2, List.of("row 3: email dropped")), job.report(Counts.class));
        assertEquals(Map.of("created", 2, "notes", List.of("row 3: email dropped")), job.report);
    }

    @Test
    void theViewShowsTheReportBesideTheRunnersMembers() {
        BackgroundJob job = running();
        job.setReport(new Counts(5, List.of()));
        JobView view = JobView.of(job).with("skippedRows", List.of()).without("notes");
        assertEquals(JobStatus.running, view.status());
        assertEquals("test", view.type());
        assertEquals(Map.of("created", 5, "skippedRows", List.of()), view.report());
    }
}
