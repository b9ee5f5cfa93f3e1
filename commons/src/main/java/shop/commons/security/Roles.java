package shop.commons.security;

/** Role names carried in the JWT {@code groups} claim. Staff = admin or manager. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String CUSTOMER = "customer";
    public static final String SUPPLIER = "supplier";
    public static final String BOT = "bot";

    private Roles() {
    }
}
