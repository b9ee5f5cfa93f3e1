-- Log imports become jobs of the commons runner (background_job, commons V0_4): the runner's columns move
-- over, the import's own figures into its report. Ids are kept, so the bad lines stay attached.
insert into background_job (id, type, status, started_by, processed, error, report, queued_at, started_at,
                            updated_at, finished_at)
select id, 'log-import', state, started_by, lines_read, error,
       jsonb_build_object('fileName', file_name, 'contentSha256', content_sha256, 'duplicateOf', duplicate_of,
                          'bytes', bytes, 'linesRead', lines_read, 'imported', imported,
                          'alreadyKnown', already_known, 'skipped', skipped),
       queued_at, started_at, coalesce(finished_at, started_at, queued_at), finished_at
from log_import;
select setval(pg_get_serial_sequence('background_job', 'id'), coalesce(max(id), 0) + 1, false) from background_job;

alter table log_import_issue
    drop constraint log_import_issue_import_id_fkey,
    add constraint log_import_issue_job foreign key (import_id) references background_job (id) on delete cascade;
drop table log_import;

-- a file whose exact content was imported successfully before is not read again
create index background_job_log_sha on background_job ((report ->> 'contentSha256'))
    where type = 'log-import' and status = 'succeeded';
