-- Customer imports become jobs of the commons runner (background_job, commons V0_4): the runner's columns
-- move over, the import's own counters into its report. Ids are kept, so the issue rows stay attached.
insert into background_job (id, type, status, started_by, total, processed, error, report, queued_at, started_at,
                            updated_at, finished_at)
select id, 'customer-import', status, started_by, total, processed, error,
       jsonb_build_object('source', source, 'attempts', attempts, 'created', created, 'updated', updated,
                          'unchanged', unchanged, 'skipped', skipped),
       queued_at, started_at, coalesce(finished_at, started_at, queued_at), finished_at
from customer_import;
select setval(pg_get_serial_sequence('background_job', 'id'), coalesce(max(id), 0) + 1, false) from background_job;

alter table customer_import_issue
    drop constraint customer_import_issue_import_id_fkey,
    add constraint customer_import_issue_job foreign key (import_id) references background_job (id) on delete cascade;
drop table customer_import;
