-- Offers of supplier price lists (seed 002 YAML "goods"): the supplier's own offer id -> the product and
-- variant it became, plus what the catalog has no column for, so an export reproduces the list.
create table supplier_offer (
    id           bigint generated always as identity primary key,
    supplier_id  bigint         not null references supplier (id),
    offer_id     varchar(80)    not null,
    product_id   bigint         not null references product (id),
    variant_id   bigint         not null references variant (id),
    model        varchar(300),
    price_rrc    numeric(12, 2) check (price_rrc >= 0),
    -- the quantity of the last list: the next list adds its difference to on-hand stock
    quantity     integer        not null check (quantity >= 0),
    -- missing from the latest list: the product is hidden, nothing is deleted
    withdrawn_at timestamptz
);
create unique index supplier_offer_unique on supplier_offer (supplier_id, offer_id);
create index supplier_offer_product on supplier_offer (product_id);
create index supplier_offer_variant on supplier_offer (variant_id);

-- large lists are applied by a background job; this is its progress
create table price_list_import (
    id          uuid         primary key,
    supplier_id bigint       not null references supplier (id),
    status      varchar(20)  not null,
    total       integer      not null,
    processed   integer      not null default 0,
    created     integer      not null default 0,
    updated     integer      not null default 0,
    withdrawn   integer      not null default 0,
    unchanged   integer      not null default 0,
    error       text,
    started_at  timestamptz  not null default now(),
    finished_at timestamptz
);
create index price_list_import_supplier on price_list_import (supplier_id, started_at desc);
