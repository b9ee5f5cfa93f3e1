package shop.commons.domain;

/** Something the rule depends on (a bank, a mail server) cannot answer now; asking again later may work. */
public class Unavailable extends DomainException {
    public Unavailable(String message) {
        super(message);
    }

    public Unavailable(String title, String message) {
        super(title, message);
    }
}
