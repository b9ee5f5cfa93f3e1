package shop.customers.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** BCrypt hashing of every password the service keeps (staff and customers). */
@ApplicationScoped
public class Passwords {
    /** Shortest password accepted anywhere; BCrypt looks at the first 72 bytes only, hence the upper bound. */
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 72;
    public static final String LENGTH_MESSAGE = "must be 8 to 72 characters";

    /** BCrypt cost (log2 rounds); 10 is Quarkus' default, raise it as hardware gets faster. */
    @ConfigProperty(name = "shop.auth.bcrypt-cost", defaultValue = "10")
    int cost;

    /** Checked against when no account matches, so that a miss costs as long as a wrong password. */
    private String dummyHash;

    @PostConstruct
    void init() {
        dummyHash = BcryptUtil.bcryptHash("no such account", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** True only when there is a hash and the password matches it; takes a BCrypt check's time either way. */
    public boolean matches(Optional<String> hash, String password) {
        boolean matches = BcryptUtil.matches(password, hash.orElse(dummyHash));
        return hash.isPresent() && matches;
    }
}
