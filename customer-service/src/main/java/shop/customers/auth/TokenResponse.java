package shop.customers.auth;

import java.util.Set;

/** @param expiresIn seconds until the access token expires */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Set<String> roles) {
}
