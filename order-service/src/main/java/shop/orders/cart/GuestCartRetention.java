package shop.orders.cart;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.retention.RetentionRule;

/**
 * A guest cart nobody wrote to for {@code shop.retention.guest-carts} is deleted with its items (the
 * guest's token then starts a new cart on its next write). Customers' carts are kept: one each.
 */
@ApplicationScoped
public class GuestCartRetention implements RetentionRule {
    @ConfigProperty(name = "shop.retention.guest-carts", defaultValue = "P30D")
    Duration keep;

    @Override
    public String name() {
        return "guest-carts";
    }

    @Override
    public String table() {
        return "cart";
    }

    @Override
    public String dueWhere() {
        return "token is not null and updated_at < :cutoff";
    }

    @Override
    public Duration keep() {
        return keep;
    }
}
