-- Log import jobs with their progress and result.
create table log_import (
    id             bigint generated always as identity primary key,
    state          varchar(20)  not null,
    file_name      varchar(500),
    content_sha256 varchar(64),
    started_by     varchar(100),
    -- set when a previous import of exactly this file had succeeded: nothing is read again
    duplicate_of   bigint references log_import (id),
    bytes          bigint,
    lines_read     bigint       not null default 0,
    imported       bigint       not null default 0,
    already_known  bigint       not null default 0,
    skipped        bigint       not null default 0,
    error          text,
    queued_at      timestamptz  not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
create index log_import_sha on log_import (content_sha256) where state = 'succeeded';

-- The first bad lines of an import (the job stores at most a configured number; skipped counts all).
create table log_import_issue (
    import_id bigint  not null references log_import (id) on delete cascade,
    line_no   bigint  not null,
    reason    text    not null,
    line      varchar(300),
    primary key (import_id, line_no)
);
