package shop.contracts.gateway;

import java.time.Instant;

/**
 * Payload of RequestObserved on {@code gateway.requests}: one per request that passed the gateway.
 *
 * @param userId  the JWT subject when the request carried a token the gateway could read, else null
 *                (the gateway does not verify tokens; services do)
 * @param cartKey a one-way hash of the guest cart token ({@code X-Cart-Token}) the request sent or its
 *                response issued, else null: analytics tells guest carts apart without ever holding a
 *                token that would open them. Added in version 1 as an optional field (older events lack it).
 */
public record RequestObserved(Instant time, String clientAddress, String method, String path, String query,
                              int status, long durationMillis, String userId, String requestId, String cartKey) {
    public static final String TYPE = "RequestObserved";
    public static final int VERSION = 1;

    /** A request without a guest cart. */
    public RequestObserved(Instant time, String clientAddress, String method, String path, String query,
                           int status, long durationMillis, String userId, String requestId) {
        this(time, clientAddress, method, path, query, status, durationMillis, userId, requestId, null);
    }
}
