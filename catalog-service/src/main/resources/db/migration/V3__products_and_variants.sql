-- Products (seed 000 goods) and their sellable variants (000 variations) with stock figures.
create table product (
    id             bigint generated always as identity primary key,
    name           varchar(300)  not null,
    article        varchar(100)  not null,
    -- the product's id in 1C, when it came from there
    external_id    varchar(100),
    category_id    bigint        not null references category (id),
    composition_id bigint references composition (id),
    care_id        bigint references care_instruction (id),
    description    text,
    visible        boolean       not null default true,
    weight         numeric(12, 3) check (weight >= 0),
    -- suppliers arrive later; no foreign key yet
    supplier_id    bigint,
    -- free-form name -> value (seed 002)
    parameters     jsonb         not null default '{}'::jsonb,
    deleted_at     timestamptz,
    created_at     timestamptz   not null default now()
);
create unique index product_article_unique on product (lower(article));
create unique index product_external_id_unique on product (external_id) where external_id is not null;
create index product_category on product (category_id);
create index product_composition on product (composition_id);
create index product_care on product (care_id);

create table product_material (
    product_id  bigint not null references product (id),
    material_id bigint not null references material (id),
    primary key (product_id, material_id)
);
create index product_material_material on product_material (material_id);

create table variant (
    id               bigint generated always as identity primary key,
    product_id       bigint         not null references product (id),
    color_id         bigint references color (id),
    size_id          bigint references size (id),
    name             varchar(300),
    price            numeric(12, 2) not null check (price >= 0),
    discounted_price numeric(12, 2) check (discounted_price >= 0 and discounted_price <= price),
    external_id      varchar(100),
    barcode          varchar(100),
    sale             boolean        not null default false,
    is_new           boolean        not null default false,
    is_default       boolean        not null default false,
    on_hand          integer        not null default 0 check (on_hand >= 0),
    reserved         integer        not null default 0 check (reserved >= 0),
    deleted_at       timestamptz,
    created_at       timestamptz    not null default now(),
    -- available = on_hand - reserved is never negative
    constraint variant_available_not_negative check (on_hand >= reserved)
);
create unique index variant_external_id_unique on variant (external_id) where external_id is not null;
create unique index variant_one_default on variant (product_id) where is_default and deleted_at is null;
create index variant_product on variant (product_id);
create index variant_color on variant (color_id);
create index variant_size on variant (size_id);
