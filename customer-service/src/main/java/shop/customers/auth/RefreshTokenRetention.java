package shop.customers.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.retention.RetentionRule;

/**
 * Refresh tokens (spent, revoked or not) are deleted {@code shop.retention.refresh-tokens} after they
 * expired. Until then a spent one still serves reuse detection; after its expiry it is refused anyway,
 * and the rest of its family has later expiries, so nothing depends on it any more.
 */
@ApplicationScoped
public class RefreshTokenRetention implements RetentionRule {
    @ConfigProperty(name = "shop.retention.refresh-tokens", defaultValue = "P7D")
    Duration keep;

    @Override
    public String name() {
        return "refresh-tokens";
    }

    @Override
    public String table() {
        return "refresh_token";
    }

    @Override
    public String dueWhere() {
        return "expires_at < :cutoff";
    }

    @Override
    public Duration keep() {
        return keep;
    }
}
