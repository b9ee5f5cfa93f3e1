-- Staff roles beyond admin/manager: suppliers (tied to a catalog supplier) and the assortment bot.
alter table staff_user drop constraint staff_user_role_check;
alter table staff_user
    add column supplier_id bigint,
    add constraint staff_user_role_check check (role in ('admin', 'manager', 'supplier', 'bot')),
    -- a supplier user always belongs to a supplier, nobody else does
    add constraint staff_user_supplier check ((role = 'supplier') = (supplier_id is not null));
-- logins are looked up case-insensitively, so they must be unique that way too
create unique index staff_user_login_lower on staff_user (lower(login));

-- Opaque refresh tokens, stored as SHA-256 of the token (hex), never the token itself.
-- Every rotation stays in the same family; presenting an already rotated token revokes the family.
create table refresh_token (
    id                  bigint generated always as identity primary key,
    token_hash          varchar(64) not null unique,
    family_id           uuid        not null,
    subject_kind        varchar(10) not null check (subject_kind in ('staff', 'customer')),
    subject_id          bigint      not null,
    -- the subject's credentials_version when issued: a password change makes the token useless
    credentials_version integer     not null,
    created_at          timestamptz not null default now(),
    expires_at          timestamptz not null,
    rotated_at          timestamptz,
    revoked_at          timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_subject on refresh_token (subject_kind, subject_id);

-- One-time tokens mailed to a customer (email confirmation, password reset), stored as SHA-256 hex.
create table customer_token (
    id          bigint generated always as identity primary key,
    customer_id bigint       not null references customer (id),
    purpose     varchar(20)  not null check (purpose in ('email-confirmation', 'password-reset')),
    token_hash  varchar(64)  not null unique,
    -- the address the token was mailed to: a confirmation only confirms that address
    email       varchar(254) not null,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index customer_token_customer on customer_token (customer_id, purpose);

-- Failed sign-ins, counted per account identifier and per client address over a sliding window.
-- In the database (not in memory) so that the limits hold across replicas of the service.
create table sign_in_failure (
    id        bigint generated always as identity primary key,
    scope     varchar(10)  not null check (scope in ('account', 'address')),
    key       varchar(300) not null,
    failed_at timestamptz  not null default now()
);
create index sign_in_failure_key on sign_in_failure (scope, key, failed_at);
