package shop.commons.domain;

/** The request is valid but the current state does not allow it (a transition, a duplicate, a limit). */
public class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }

    public Conflict(String title, String message) {
        super(title, message);
    }
}
