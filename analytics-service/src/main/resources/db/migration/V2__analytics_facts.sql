-- The fact model every report reads. source = 'logs' (imported web-server logs) or 'live' (events);
-- event_key is the fact's natural key within its source (a log line's request id, a live event id),
-- so recording the same fact twice changes nothing.

-- One row per request to the shop (a log line, a gateway request).
create table analytics_request (
    source      varchar(10)  not null check (source in ('logs', 'live')),
    event_key   varchar(100) not null,
    occurred_at timestamptz  not null,
    client_ip   inet,
    country     varchar(100) not null default 'unknown',
    -- home, category, goods (a goods page), cart, pay, paid, other
    kind        varchar(20)  not null,
    -- the category a category/goods page belongs to: these rows are the category's views
    category    varchar(100),
    goods       varchar(100),
    primary key (source, event_key)
);
-- the partial hours at the edges of a report's from/to are read from here
create index analytics_request_time on analytics_request (source, occurred_at) include (country, category, kind);
-- (no index on client_ip: only a new IP table reads by address, once, with a hash join)

-- Hourly totals maintained with every insert above: reports over whole hours read only this.
-- category = '' for requests that are not a category view.
create table analytics_request_hourly (
    source   varchar(10)  not null,
    hour     timestamptz  not null,
    country  varchar(100) not null,
    category varchar(100) not null,
    requests bigint       not null,
    views    bigint       not null,
    primary key (source, hour, country, category)
);
create index analytics_request_hourly_category on analytics_request_hourly (category, source, hour);

-- A cart (log cart_id, live order id) with its payment: one row per cart, kept up to date.
create table analytics_cart (
    source             varchar(10)  not null,
    cart_key           varchar(100) not null,
    opened_at          timestamptz,   -- first item added; null for a payment of a cart never seen
    payment_started_at timestamptz,
    customer_key       varchar(100),  -- who paid (log user_id, live customer id)
    paid_at            timestamptz,   -- the payment succeeded
    primary key (source, cart_key)
);
create index analytics_cart_paid on analytics_cart (source, paid_at) where paid_at is not null;
create index analytics_cart_unpaid on analytics_cart (source, opened_at) where paid_at is null;

-- One row per item added to a cart. category null = not known yet (a log cart line whose goods id
-- was never seen right after its goods page); resolved when a later line teaches it.
create table analytics_cart_item (
    source    varchar(10)  not null,
    event_key varchar(100) not null,
    cart_key  varchar(100) not null,
    goods_key varchar(100) not null,
    category  varchar(100),
    amount    integer      not null,
    added_at  timestamptz  not null,
    primary key (source, event_key)
);
create index analytics_cart_item_cart on analytics_cart_item (source, cart_key);

-- What the logs taught about goods ids (cart?goods_id=...): the goods page viewed just before by
-- the same client.
create table analytics_goods (
    source    varchar(10)  not null,
    goods_key varchar(100) not null,
    category  varchar(100) not null,
    goods     varchar(100) not null,
    primary key (source, goods_key)
);
create index analytics_cart_item_unresolved on analytics_cart_item (source, goods_key) where category is null;
