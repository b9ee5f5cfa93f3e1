package shop.commons.domain;

/** The input breaks a rule the edge could not check alone (e.g. a reference to something unusable). */
public class Invalid extends DomainException {
    public Invalid(String message) {
        super(message);
    }

    public Invalid(String title, String message) {
        super(title, message);
    }
}
