package shop.customers.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs access tokens (RS256) with the private key that devstack or the deployment provides. */
@ApplicationScoped
public class TokenIssuer {
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "shop.auth.access-token-lifetime")
    Duration lifetime;

    public TokenResponse issue(long subjectId, String name, Set<String> roles) {
        String token = Jwt.issuer(issuer)
                .subject(String.valueOf(subjectId))
                .upn(name)
                .groups(roles)
                .expiresIn(lifetime)
                .sign();
        return new TokenResponse(token, "Bearer", lifetime.toSeconds(), roles);
    }
}
