-- Refunds through the payment provider (issue 15): one row per refund of a card payment, for a
-- cancellation (what was paid and not yet refunded) or a return of delivered goods (those lines).
-- The row's id is the refund's idempotency key: a refund is executed at most once, retried by
-- RefundRetry while the provider cannot answer, and before every retry the provider's refunded amount
-- is asked first. Cash orders keep the manual path (customer_order.refund_*, staff mark it refunded).
create table refund (
    id              uuid          primary key,
    order_id        bigint        not null references customer_order (id) on delete cascade,
    payment_id      uuid          not null references payment (id),
    kind            varchar(20)   not null check (kind in ('cancellation', 'return')),
    return_id       bigint,                          -- the return it pays back (kind = return)
    amount          numeric(12,2) not null check (amount > 0),
    state           varchar(20)   not null check (state in ('pending', 'succeeded', 'failed')),
    attempts        integer       not null default 0,
    -- the provider's last answer: its error code and message (never credentials or request bodies)
    error_code      varchar(50),
    provider_answer varchar(1000),
    -- an attempt is under way until then (a crashed worker's claim runs out), the next one not before
    claimed_until   timestamptz,
    next_attempt_at timestamptz   not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    finished_at     timestamptz,
    check ((state = 'pending') = (finished_at is null)),
    check ((kind = 'return') = (return_id is not null))
);
-- an order's cancellation is refunded once, a return once
create unique index refund_cancellation on refund (order_id) where kind = 'cancellation';
create unique index refund_return on refund (return_id) where return_id is not null;
create index refund_order on refund (order_id, created_at);
-- the retry job takes the due pending ones
create index refund_pending on refund (next_attempt_at) where state = 'pending';

-- The sandbox provider's own books: what it has refunded of a payment, once per refund id.
create table sandbox_refund (
    refund_id  uuid          primary key,
    payment_id uuid          not null references payment (id) on delete cascade,
    amount     numeric(12,2) not null,
    created_at timestamptz   not null
);
create index sandbox_refund_payment on sandbox_refund (payment_id);
