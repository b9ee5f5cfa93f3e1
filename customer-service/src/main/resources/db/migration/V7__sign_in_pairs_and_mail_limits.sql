-- Issue 12: failed sign-ins slow down the (account, client address) pair instead of locking the
-- account for everyone. One row per failure (was: one row per scope); the rows only ever held the
-- last window (15 minutes) of failures, so the old ones are simply dropped.
drop table sign_in_failure;
create table sign_in_failure (
    id            bigint generated always as identity primary key,
    account       varchar(300) not null, -- the identifier as typed, normalised ('email:...', 'login:...')
    address       varchar(100) not null, -- the client address the gateway resolved
    known_address boolean      not null, -- the account had signed in from this address before
    failed_at     timestamptz  not null default now()
);
create index sign_in_failure_pair on sign_in_failure (account, address, failed_at);
create index sign_in_failure_address on sign_in_failure (address, failed_at);
create index sign_in_failure_unknown on sign_in_failure (account, failed_at) where not known_address;

-- Addresses an account has signed in from with the right password: failures from them never count
-- towards the account-wide limit, so nobody can block the owner where the owner usually signs in.
create table sign_in_known_address (
    account         varchar(300) not null,
    address         varchar(100) not null,
    last_success_at timestamptz  not null,
    primary key (account, address)
);
create index sign_in_known_address_age on sign_in_known_address (last_success_at);

-- One row per confirmation or password-reset mail sent, to cap them per recipient and per client address.
create table account_mail_sent (
    id        bigint generated always as identity primary key,
    recipient varchar(320) not null, -- lower-cased
    address   varchar(100) not null, -- the client address whose request sent it
    sent_at   timestamptz  not null default now()
);
create index account_mail_sent_recipient on account_mail_sent (recipient, sent_at);
create index account_mail_sent_address on account_mail_sent (address, sent_at);
