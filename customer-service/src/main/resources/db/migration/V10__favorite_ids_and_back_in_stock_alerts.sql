-- Favorites get an id (seed 004 lists and deletes favorites by id); existing rows are numbered now.
alter table favorite add column id bigint generated always as identity;
alter table favorite add constraint favorite_id_unique unique (id);
-- staff filter favorites by when they were added
create index favorite_added on favorite (added_at);

-- Back-in-stock alerts: a customer may opt out of the mails (profile flag, on by default).
alter table customer add column back_in_stock_mails boolean not null default true;

-- What customer-service last read on catalog.variants about each variant's stock; the newest state wins
-- (state_at is the event's time), so a redelivered or late record changes nothing.
-- in_stock = available > 0 and orderable.
create table stock_alert_variant (
    variant_id bigint      primary key,
    product_id bigint      not null,
    in_stock   boolean     not null,
    state_at   timestamptz not null
);
create index stock_alert_variant_product on stock_alert_variant (product_id) where in_stock;

-- Whether a product was last seen in stock (some variant in stock). Its row is the lock that makes
-- "came back" happen once per return, whichever partitions the product's variants come from.
create table stock_alert_product (
    product_id       bigint      primary key,
    in_stock         boolean     not null,
    back_in_stock_at timestamptz
);
