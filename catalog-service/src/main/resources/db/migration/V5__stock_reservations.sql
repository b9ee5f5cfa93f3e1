-- The stock side of the order saga (DESIGN.md §5): what catalog decided for each order, and the units
-- it holds for it.

-- One row per order catalog has heard of. Its primary key is what makes a second OrderPlaced for the
-- same order (even with another event id) a no-op, and the row lock serialises the events of one order.
create table stock_order (
    order_id   bigint primary key,
    -- reserved / rejected: the answer to OrderPlaced; cancelled: cancelled before it was ever placed here
    outcome    varchar(20) not null check (outcome in ('pending', 'reserved', 'rejected', 'cancelled')),
    decided_at timestamptz not null default now()
);

-- The units of one variant held for one order (duplicate lines of an order are summed into one row).
create table stock_reservation (
    id         bigint generated always as identity primary key,
    order_id   bigint      not null references stock_order (order_id),
    variant_id bigint      not null references variant (id),
    quantity   integer     not null check (quantity > 0),
    state      varchar(20) not null check (state in ('reserved', 'released', 'sold')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (order_id, variant_id)
);
create index stock_reservation_variant on stock_reservation (variant_id, state);
create index stock_reservation_state on stock_reservation (state);

-- Work a service does once per database, whatever the number of replicas: the row is locked while the
-- work runs and done_at is set in the same transaction.
create table one_time_task (
    name    varchar(100) primary key,
    done_at timestamptz
);
-- Republish every variant on catalog.variants at the first start, unless the outbox already did.
insert into one_time_task (name) values ('republish-catalog-variants');
