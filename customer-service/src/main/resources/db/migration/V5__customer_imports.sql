-- Legacy customer imports (seed 004): one row per job, its progress updated as rows are applied.
create table customer_import (
    id          bigint generated always as identity primary key,
    source      varchar(10)  not null check (source in ('csv', 'jdbc')),
    status      varchar(10)  not null check (status in ('queued', 'running', 'succeeded', 'failed')),
    started_by  varchar(100),
    -- connection attempts to the external source (jdbc only)
    attempts    integer      not null default 0,
    total       integer,
    processed   integer      not null default 0,
    created     integer      not null default 0,
    updated     integer      not null default 0,
    unchanged   integer      not null default 0,
    skipped     integer      not null default 0,
    error       text,
    queued_at   timestamptz  not null default now(),
    started_at  timestamptz,
    finished_at timestamptz
);

-- What a job reports per row: skipped rows (with the reason) and notes on kept rows (e.g. a dropped email).
create table customer_import_issue (
    id         bigint generated always as identity primary key,
    import_id  bigint       not null references customer_import (id) on delete cascade,
    kind       varchar(10)  not null check (kind in ('skipped', 'note')),
    row_number integer      not null,
    legacy_id  varchar(100),
    message    text         not null
);
create index customer_import_issue_import on customer_import_issue (import_id, kind, row_number);

-- Legacy records often have no last (or first) name; an imported customer keeps what there is.
alter table customer
    alter column first_name drop not null,
    alter column last_name drop not null,
    -- updated_at of the legacy record last applied: an older record never overwrites a newer one
    add column legacy_updated_at timestamptz;
