package shop.orders.payment;

/**
 * A call to the bank that brought no answer to read, by how far it got; {@link SberbankClient} retries
 * and counts them for its circuit breaker by these classes. The message names the method, never the
 * request (which holds the credentials).
 */
public abstract class BankCallFailed extends RuntimeException {
    private BankCallFailed(String message) {
        super(message);
    }

    /** No connection could be made: the request never reached the bank, so sending it again is always safe. */
    public static final class NotReached extends BankCallFailed {
        NotReached(String method, Throwable cause) {
            super("the bank could not be reached for " + method + " (" + cause.getClass().getSimpleName() + ")");
        }
    }

    /** Sent, and no answer within the timeout: the bank may have acted on it. */
    public static final class TimedOut extends BankCallFailed {
        TimedOut(String method, long millis) {
            super("the bank did not answer " + method + " within " + millis + " ms");
        }
    }

    /** Sent, and the connection was closed before an answer: the bank may have acted on it. */
    public static final class CutOff extends BankCallFailed {
        CutOff(String method, Throwable cause) {
            super("the bank closed the connection without answering " + method + " (" + cause.getClass().getSimpleName() + ")");
        }
    }

    /** The bank (or a proxy in front of it) answered with an HTTP error status. */
    public static final class HttpError extends BankCallFailed {
        HttpError(String method, int status) {
            super("the bank answered " + method + " with HTTP " + status);
        }
    }
}
