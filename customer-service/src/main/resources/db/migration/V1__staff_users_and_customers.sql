create table staff_user (
    id            bigint generated always as identity primary key,
    login         varchar(100) not null unique,
    password_hash varchar(100) not null,
    first_name    varchar(100),
    last_name     varchar(100),
    role          varchar(20)  not null check (role in ('admin', 'manager')),
    created_at    timestamptz  not null default now()
);

create table customer (
    id            bigint generated always as identity primary key,
    first_name    varchar(100) not null,
    last_name     varchar(100) not null,
    middle_name   varchar(100),
    email         varchar(254),
    phone         varchar(20),
    password_hash varchar(100),
    created_at    timestamptz  not null default now(),
    deleted_at    timestamptz
);
-- email and phone are unique among active customers only: a deleted customer frees them
create unique index customer_email_active on customer (lower(email)) where deleted_at is null;
create unique index customer_phone_active on customer (phone) where deleted_at is null;
