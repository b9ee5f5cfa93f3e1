-- Factories (seed 003) and their production lines, which restock a variant on a schedule.
create table factory (
    id         bigint generated always as identity primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null default now()
);
create unique index factory_name_unique on factory (lower(name));

create table production_line (
    id                 bigint generated always as identity primary key,
    factory_id         bigint      not null references factory (id),
    variant_id         bigint      not null references variant (id),
    units_per_delivery integer     not null check (units_per_delivery >= 1),
    interval_seconds   integer     not null check (interval_seconds >= 1),
    active             boolean     not null default true,
    -- the due time of the next delivery; a delivery and the step of this column commit together
    next_delivery_at   timestamptz not null,
    -- deliveries dropped because they were more than the catch-up limit after a downtime
    skipped_deliveries bigint      not null default 0,
    created_at         timestamptz not null default now(),
    constraint production_line_one_per_variant unique (factory_id, variant_id)
);
create index production_line_variant on production_line (variant_id);
create index production_line_due on production_line (next_delivery_at) where active;

create table factory_delivery (
    id            bigint generated always as identity primary key,
    line_id       bigint      not null references production_line (id) on delete cascade,
    variant_id    bigint      not null references variant (id),
    due_at        timestamptz not null,
    delivered_at  timestamptz not null default now(),
    units         integer     not null,
    on_hand_after integer     not null,
    -- the database itself refuses a second delivery of the same due time, whatever the instances do
    constraint factory_delivery_once unique (line_id, due_at)
);
create index factory_delivery_variant on factory_delivery (variant_id);
