-- Relative stock deliveries (seed 003 /shop/delivery): N units added to variants' on-hand, once per
-- delivery id the client chose. The primary key is what makes a repeated delivery a no-op: a second request
-- with the same id waits for the first's insert and then finds it.
create table stock_delivery (
    id           varchar(100) primary key,
    -- the caller: the token's subject, and the supplier a supplier user acted for (null for staff)
    delivered_by varchar(200) not null,
    supplier_id  bigint references supplier (id),
    delivered_at timestamptz  not null default now()
);

create table stock_delivery_line (
    delivery_id   varchar(100) not null references stock_delivery (id),
    variant_id    bigint       not null references variant (id),
    quantity      integer      not null check (quantity > 0),
    -- the variant's on-hand right after the units were added
    on_hand_after integer      not null,
    primary key (delivery_id, variant_id)
);
create index stock_delivery_line_variant on stock_delivery_line (variant_id);
