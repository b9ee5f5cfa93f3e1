package shop.orders.domain;

import shop.commons.domain.DomainException;

/**
 * The request is well-formed but cannot be processed as sent (422), e.g. an idempotency key reused for a
 * different request. commons has no such kind; {@link OrderServiceProblems} maps it.
 */
public class Unprocessable extends DomainException {
    public Unprocessable(String message) {
        super(message);
    }
}
