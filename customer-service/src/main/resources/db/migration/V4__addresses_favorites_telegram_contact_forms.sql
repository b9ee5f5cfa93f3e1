-- A customer's saved delivery addresses (seed 002 contacts).
create table customer_address (
    id          bigint generated always as identity primary key,
    customer_id bigint        not null references customer (id),
    city        varchar(100)  not null,
    street      varchar(200)  not null,
    house       varchar(20)   not null,
    building    varchar(20),
    apartment   varchar(20),
    floor       integer,
    -- normalised like customer.phone: + and 11-14 digits
    phone       varchar(20),
    comment     varchar(1000),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
create index customer_address_customer on customer_address (customer_id, id);

-- Favorite products (seed 004): one row per customer and product, so adding twice changes nothing.
create table favorite (
    customer_id bigint      not null references customer (id),
    product_id  bigint      not null,
    added_at    timestamptz not null default now(),
    primary key (customer_id, product_id)
);
create index favorite_product on favorite (product_id);

-- Products the catalog reported deleted (catalog.variants, productDeleted): they cannot become favorites
-- again, even when the add races the event. removed_at is the event's time, so an older record that
-- arrives late (another variant's partition) cannot undo a newer removal.
create table removed_product (
    product_id bigint      primary key,
    removed_at timestamptz not null
);

-- Users of the assortment Telegram bot (seed 000); status_id is the bot's own conversation state.
create table telegram_user (
    id         bigint generated always as identity primary key,
    chat_id    bigint      not null unique,
    status_id  integer     not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- Messages from the public contact form (seed 000).
create table contact_form (
    id            bigint generated always as identity primary key,
    customer_name varchar(200)  not null,
    phone         varchar(20)   not null,
    email         varchar(254),
    text          varchar(5000),
    created_at    timestamptz   not null default now()
);
create index contact_form_created on contact_form (created_at desc, id desc);
