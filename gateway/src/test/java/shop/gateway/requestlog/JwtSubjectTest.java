package shop.gateway.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtSubjectTest {

    static String token(String payloadJson) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void the_subject_is_read_without_verifying() {
        assertEquals("42", JwtSubject.fromAuthorization("Bearer " + token("{\"sub\":\"42\",\"groups\":[\"customer\"]}")));
        assertEquals("42", JwtSubject.fromAuthorization("bearer " + token("{\"sub\":42}")));
    }

    @Test
    void anything_else_is_no_user() {
        assertNull(JwtSubject.fromAuthorization(null));
        assertNull(JwtSubject.fromAuthorization("Basic dXNlcjpwYXNz"));
        assertNull(JwtSubject.fromAuthorization("Bearer not-a-jwt"));
        assertNull(JwtSubject.fromAuthorization("Bearer a.%%%.c"));
        assertNull(JwtSubject.fromAuthorization("Bearer " + token("[1,2]")));
        assertNull(JwtSubject.fromAuthorization("Bearer " + token("{\"iss\":\"x\"}")));
    }
}
