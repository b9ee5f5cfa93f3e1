-- Live events' own state (the request and cart facts go to the V2 tables with source = 'live').

-- The catalog.variants read model: which product and category a variant belongs to. Only the newest
-- state counts (the topic is compacted; as_of guards against an older record arriving late).
create table analytics_variant (
    variant_id   bigint primary key,
    product_id   bigint       not null,
    category_id  bigint,
    product_name varchar(500),
    variant_name varchar(500),
    removed      boolean      not null default false,
    as_of        timestamptz  not null
);
create index analytics_variant_product on analytics_variant (product_id);

-- Orders as orders.events tell them, for the sales reports (money is numeric(12,2)).
create table analytics_order (
    order_id     bigint primary key,
    customer_id  bigint,
    total        numeric(12, 2) not null,
    placed_at    timestamptz    not null,
    paid_at      timestamptz,
    cancelled_at timestamptz
);
create index analytics_order_placed on analytics_order (placed_at);
create index analytics_order_paid on analytics_order (paid_at) where paid_at is not null;

create table analytics_order_line (
    order_id     bigint         not null references analytics_order (order_id),
    line_no      integer        not null,
    variant_id   bigint         not null,
    product_id   bigint         not null,
    quantity     integer        not null,
    unit_price   numeric(12, 2) not null,
    primary key (order_id, line_no)
);
