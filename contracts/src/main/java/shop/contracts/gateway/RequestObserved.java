package shop.contracts.gateway;

import java.time.Instant;

/**
 * Payload of RequestObserved on {@code gateway.requests}: one per request that passed the gateway.
 *
 * @param userId the JWT subject when the request carried a token the gateway could read, else null
 *               (the gateway does not verify tokens; services do)
 */
public record RequestObserved(Instant time, String clientAddress, String method, String path, String query,
                              int status, long durationMillis, String userId, String requestId) {
    public static final String TYPE = "RequestObserved";
    public static final int VERSION = 1;
}
