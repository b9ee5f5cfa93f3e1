package shop.customers.auth;

import java.util.Set;

/**
 * @param expiresIn    seconds until the access token expires
 * @param refreshToken opaque and single-use: {@code POST /api/auth/refresh} trades it for a new pair
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                            Set<String> roles) {
}
