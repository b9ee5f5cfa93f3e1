package shop.gateway.routing;

/**
 * The request never left the gateway: no connection to the instance could be had (refused, connect
 * timeout, pool queue full). Any request, whatever its method, may then go to another instance.
 */
final class NothingSent extends RuntimeException {

    NothingSent(Throwable cause) {
        super(cause.toString(), cause, false, false);
    }
}
