package shop.customers.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs access tokens (RS256) with the private key that devstack or the deployment provides. */
@ApplicationScoped
public class TokenIssuer {
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "shop.auth.access-token-lifetime", defaultValue = "PT15M")
    Duration lifetime;

    public String issue(Subject subject) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(String.valueOf(subject.id()))
                .upn(subject.name())
                .groups(subject.roles())
                .expiresIn(lifetime);
        if (subject.supplierId() != null) {
            claims.claim("supplierId", subject.supplierId());
        }
        return claims.sign();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
