package shop.commons.domain;

/** The asker may not do this to this thing. */
public class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }

    public Forbidden(String title, String message) {
        super(title, message);
    }
}
