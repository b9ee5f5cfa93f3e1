package shop.customers.customer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.retention.RetentionRule;

/**
 * Mailed one-time tokens (email confirmation, password reset), used or not, are deleted
 * {@code shop.retention.customer-tokens} after they expired: an expired token is refused either way.
 */
@ApplicationScoped
public class CustomerTokenRetention implements RetentionRule {
    @ConfigProperty(name = "shop.retention.customer-tokens", defaultValue = "P7D")
    Duration keep;

    @Override
    public String name() {
        return "customer-tokens";
    }

    @Override
    public String table() {
        return "customer_token";
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
