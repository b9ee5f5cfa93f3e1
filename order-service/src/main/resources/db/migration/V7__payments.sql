-- Card payments of orders (SPEC "Payments"): one row per attempt; an order is paid by at most one.
create table payment (
    id                uuid          primary key,     -- also the public, unguessable payment id
    order_id          bigint        not null references customer_order (id) on delete cascade,
    provider          varchar(20)   not null,        -- sandbox | sberbank
    provider_order_id varchar(100),                  -- the provider's id (sberbank orderId)
    payment_url       varchar(2000),                 -- the provider's page the customer pays on
    amount            numeric(12,2) not null,
    return_url        varchar(2000) not null,
    fail_url          varchar(2000) not null,
    status            varchar(10)   not null check (status in ('pending', 'paid', 'failed')),
    -- the sandbox provider's own state: what was clicked on its page (pay | fail), null before
    sandbox_outcome   varchar(10),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index payment_order on payment (order_id);
-- the status sync scans only what is still open
create index payment_pending on payment (created_at) where status = 'pending';
