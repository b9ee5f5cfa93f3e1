package shop.commons.events;

/**
 * A dead letter's consumer failed again on replay (not for a passing reason): the dead letter is kept,
 * with the error noted. {@link DeadLetterResource} answers it as 422 with the {@code error}.
 */
public class ReplayFailed extends RuntimeException {
    private final String consumer;
    private final String error;

    public ReplayFailed(String consumer, String error) {
        super("The consumer " + consumer + " failed again; the dead letter is kept: " + error);
        this.consumer = consumer;
        this.error = error;
    }

    public String consumer() {
        return consumer;
    }

    public String error() {
        return error;
    }
}
