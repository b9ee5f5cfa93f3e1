-- order-service's read model of catalog.variants (DESIGN.md §4): the latest known state of every
-- variant, rebuilt from the compacted topic. Carts and orders are checked against it; the catalog is
-- never called synchronously. state_at is the event's occurredAt: an older state never overwrites a newer one.
create table catalog_variant (
    variant_id                bigint        primary key,
    product_id                bigint        not null,
    category_id               bigint,
    supplier_id               bigint,
    product_name              varchar(500),
    variant_name              varchar(500),
    article                   varchar(200),
    price                     numeric(12,2) not null,
    discounted_price          numeric(12,2),
    available                 integer       not null,
    active                    boolean       not null,
    supplier_accepting_orders boolean       not null,
    removed                   boolean       not null,
    state_at                  timestamptz   not null
);
