package shop.commons.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule said no. Domain code (aggregates, application services, jobs, consumers) throws the
 * subclass that says what kind of no it is; it knows nothing of HTTP. Only the REST edge turns it into
 * problem details ({@code shop.commons.problem.DomainExceptionMapper}); a consumer or a job that meets
 * one records or logs it instead.
 *
 * <p>The message is the problem's detail text, written for the person who asked. {@link #with} adds data
 * a client acts on (e.g. the current prices when the expected ones are stale); it becomes extension
 * members of the problem.
 */
public abstract class DomainException extends RuntimeException {
    private final String title;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    protected DomainException(String message) {
        this(null, message);
    }

    /** @param title a short summary when the kind's usual one does not fit (e.g. "Validation failed") */
    protected DomainException(String title, String message) {
        super(message);
        this.title = title;
    }

    /** The summary to show instead of the kind's usual one; null for the usual one. */
    public String title() {
        return title;
    }

    /** Data beside the message that a client acts on, in the order added. */
    public Map<String, Object> facts() {
        return facts;
    }

    /** Adds a fact a client acts on; returns this exception for chaining. */
    public DomainException with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    // no stack trace: these are answers, not faults, and some are thrown on hot paths (stale prices, limits)
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
