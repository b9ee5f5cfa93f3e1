-- Suppliers (seed 002 shops, 003 shops). Their owner accounts are supplier users of customer-service
-- whose token carries this supplier's id (claim "supplierId"); nothing about them is stored here.
create table supplier (
    id               bigint generated always as identity primary key,
    name             varchar(200) not null,
    address          varchar(500),
    phone            varchar(50),
    email            varchar(200),
    -- off: its products stay listed but cannot be ordered (published on catalog.variants)
    accepting_orders boolean      not null default true,
    -- off: hidden from the public list, its products cannot be ordered
    active           boolean      not null default true,
    created_at       timestamptz  not null default now()
);
-- pg_c_utf8 lower-cases every alphabet whatever the database locale (C in devstack lower-cases only ASCII)
create unique index supplier_name_unique on supplier (lower(name collate "pg_c_utf8"));

-- product.supplier_id pointed at nothing before suppliers existed: no product can keep such an id
update product set supplier_id = null where supplier_id is not null;
alter table product add constraint product_supplier_fk foreign key (supplier_id) references supplier (id);
-- same definition as the browse migration's index, so whichever runs first creates it
create index if not exists product_supplier on product (supplier_id) where supplier_id is not null;

-- search across suppliers and categories by a fragment of a product name (LIKE '%q%')
create extension if not exists pg_trgm;
create index product_name_trgm on product using gin (lower(name collate "pg_c_utf8") gin_trgm_ops);
