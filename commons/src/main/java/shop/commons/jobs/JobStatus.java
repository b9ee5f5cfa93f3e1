package shop.commons.jobs;

/**
 * Where a background job is, in the one vocabulary of every service. A job is {@code queued} until its
 * turn comes, {@code running} while it works, and ends {@code succeeded}, {@code failed} (with an error) or
 * {@code cancelled}. The JSON and the database hold the lower-case names.
 */
public enum JobStatus {
    queued, running, succeeded, failed, cancelled;

    /** True for the three end states: nothing changes a finished job any more. */
    public boolean finished() {
        return this == succeeded || this == failed || this == cancelled;
    }
}
