package shop.commons.domain;

/** The thing asked for does not exist (or is not the asker's to see). */
public class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }

    public NotFound(String title, String message) {
        super(title, message);
    }

    /** "{what} {id} does not exist", the wording every service uses. */
    public static NotFound of(String what, Object id) {
        return new NotFound(what + " " + id + " does not exist");
    }
}
