package shop.gateway.requestlog;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the {@code sub} claim of a bearer JWT for the request log, WITHOUT verifying the token: the
 * gateway only reports who a request claimed to be; the services verify tokens and decide.
 */
public final class JwtSubject {

    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private JwtSubject() {
    }

    /** The subject of the {@code Authorization: Bearer <jwt>} header, or null. */
    public static String fromAuthorization(String authorization) {
        if (authorization == null || authorization.length() > MAX_TOKEN_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(stripPadding(token.substring(first + 1, second)));
            Object sub = new JsonObject(new String(payload, StandardCharsets.UTF_8)).getValue("sub");
            if (sub == null) {
                return null;
            }
            String subject = sub.toString();
            return subject.isEmpty() || subject.length() > 256 ? null : subject;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String stripPadding(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }
}
