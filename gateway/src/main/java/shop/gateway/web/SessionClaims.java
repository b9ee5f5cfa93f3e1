package shop.gateway.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What a page may know about its session: the claims of the access token kept in the
 * {@code shop_session} cookie, never the token itself.
 *
 * @param subject   the token's {@code sub} (user or customer id)
 * @param name      its {@code upn} (login, email or phone), if any
 * @param roles     its {@code groups}
 * @param expiresAt when the access token (and so the cookie) expires
 */
public record SessionClaims(String subject, String name, List<String> roles, Instant expiresAt) {

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("subject", subject);
        if (name != null) {
            json.put("name", name);
        }
        return json.put("roles", new JsonArray(roles)).put("expiresAt", expiresAt.toString());
    }
}
