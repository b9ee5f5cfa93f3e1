-- Everything SPEC lists for a customer, plus what sign-in and imports need.
alter table customer
    add column birthday            date,
    add column gender              varchar(1) check (gender in ('M', 'F')),
    add column city                varchar(100),
    add column company             varchar(200),
    add column position            varchar(200),
    add column last_sign_in_at     timestamptz,
    add column email_confirmed_at  timestamptz,
    -- a customer record created by an order without registration; a later registration takes it over
    add column guest               boolean     not null default false,
    -- bumped on every password change: refresh tokens issued for an older version stop working
    add column credentials_version integer     not null default 0,
    add column updated_at          timestamptz not null default now(),
    -- the record's id in the legacy customers database (seed 004), for idempotent re-imports
    add column legacy_id           varchar(100);
create unique index customer_legacy_id on customer (legacy_id) where legacy_id is not null;

alter table staff_user
    add column credentials_version integer not null default 0;
