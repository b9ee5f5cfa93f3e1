-- 1C imports (seed 000): stock reports, weight reports and JSON pushes of stock levels, run as jobs.
-- The row is the job's progress and its report; the lists are capped (see OneCImport), their counts are not.
create table onec_import (
    id                 bigint generated always as identity primary key,
    kind               varchar(10)  not null check (kind in ('stock', 'weights', 'levels')),
    mode               varchar(10)  not null check (mode in ('partial', 'snapshot')),
    state              varchar(10)  not null check (state in ('queued', 'running', 'done', 'failed')),
    file_name          varchar(300),
    rows_read          integer      not null default 0,
    rows_applied       integer      not null default 0,
    changed            integer      not null default 0,
    missing_reset      integer      not null default 0,
    unknown_count      integer      not null default 0,
    bad_count          integer      not null default 0,
    below_reserved_count integer    not null default 0,
    unknown_codes      jsonb        not null default '[]'::jsonb,
    bad_rows           jsonb        not null default '[]'::jsonb,
    below_reserved     jsonb        not null default '[]'::jsonb,
    error              text,
    created_by         varchar(100),
    created_at         timestamptz  not null default now(),
    started_at         timestamptz,
    -- written with every batch: a job whose heartbeat stops was interrupted (its instance died)
    updated_at         timestamptz  not null default now(),
    finished_at        timestamptz
);
create index onec_import_unfinished on onec_import (updated_at) where state in ('queued', 'running');
