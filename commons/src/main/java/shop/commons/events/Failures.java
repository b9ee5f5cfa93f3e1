package shop.commons.events;

/** An exception as a dead letter shows it: class and message of it and of its root cause, no stack trace. */
final class Failures {
    static final int MAX_MESSAGE = 2000;

    private Failures() {
    }

    static String className(Throwable failure) {
        return cut(failure.getClass().getName(), 300);
    }

    /** "message (cause: org.postgresql.util.PSQLException: ERROR: ...)" when the root cause says more. */
    static String message(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return cut(message, MAX_MESSAGE);
    }

    static String describe(Throwable failure) {
        return cut(failure.getClass().getName() + ": " + message(failure), MAX_MESSAGE);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
