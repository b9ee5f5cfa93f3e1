package shop.commons.domain;

/** The thing existed but no longer does, or a link has expired. */
public class Gone extends DomainException {
    public Gone(String message) {
        super(message);
    }

    public Gone(String title, String message) {
        super(title, message);
    }
}
