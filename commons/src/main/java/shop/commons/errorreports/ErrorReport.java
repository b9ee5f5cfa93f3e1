package shop.commons.errorreports;

import java.time.Instant;

/**
 * One unexpected failure, as it is reported to the errors chat: what kind, the exception's class and
 * message, and where (a request's method and path without its query, a job, a consumer's record) with the
 * request id when there is one. Never a body or a header: the text is built from these fields only, and
 * every free text in it is {@link Redaction redacted}.
 *
 * @param kind          "server error", "failed job", "dead letter", "stuck consumer", ...
 * @param errorClass    the exception's class name (null when there is none)
 * @param message       its message (redacted when written)
 * @param where         e.g. {@code POST /api/catalog/products}, {@code job 12 (price-list-import)}
 * @param correlationId the request id ({@code X-Request-Id}), or null
 */
public record ErrorReport(String kind, String errorClass, String message, String where, String correlationId) {
    static final int MAX_MESSAGE = 500;
    static final int MAX_WHERE = 300;

    public static ErrorReport of(String kind, Throwable failure, String where, String correlationId) {
        return new ErrorReport(kind, failure.getClass().getName(), rootMessage(failure), where, correlationId);
    }

    /** The message, and its root cause's when that says more (the database's words are usually there). */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += (message.isEmpty() ? "" : " ") + "(cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return message;
    }

    /** The chat message: plain text (no parse mode), redacted; {@code suppressed} reports went unsent before it. */
    public String text(String service, Instant at, int suppressed, String limit) {
        StringBuilder text = new StringBuilder();
        text.append(service).append(": ").append(kind).append('\n');
        if (where != null) {
            text.append(Redaction.redact(where, MAX_WHERE)).append('\n');
        }
        String said = Redaction.redact(message, MAX_MESSAGE);
        text.append(errorClass == null ? "" : errorClass);
        if (said != null && !said.isEmpty()) {
            text.append(errorClass == null ? "" : ": ").append(said);
        }
        text.append('\n');
        if (correlationId != null) {
            text.append("request id: ").append(correlationId).append('\n');
        }
        text.append("at: ").append(at);
        if (suppressed > 0) {
            text.append("\n(").append(suppressed).append(suppressed == 1 ? " earlier report" : " earlier reports")
                    .append(" not sent: at most ").append(limit).append(")");
        }
        return text.toString();
    }
}
