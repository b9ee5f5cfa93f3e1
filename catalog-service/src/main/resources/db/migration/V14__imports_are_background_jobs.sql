-- 1C imports and background price-list imports become jobs of the commons runner (background_job, commons
-- V0_4): the runner's columns move over, each import's own figures into its report. 1C imports keep their
-- ids (their Location stays valid); price-list jobs had UUIDs and get new numeric ids after them.
insert into background_job (id, type, status, started_by, processed, error, report, queued_at, started_at,
                            updated_at, finished_at)
select id, 'onec-import', case state when 'done' then 'succeeded' else state end, created_by, rows_read, error,
       jsonb_build_object('kind', kind, 'mode', mode, 'fileName', file_name, 'rowsRead', rows_read,
                          'rowsApplied', rows_applied, 'changed', changed, 'missingReset', missing_reset,
                          'unknownCount', unknown_count, 'unknownCodes', unknown_codes, 'badCount', bad_count,
                          'badRows', bad_rows, 'belowReservedCount', below_reserved_count,
                          'belowReserved', below_reserved),
       created_at, started_at, updated_at, finished_at
from onec_import;
select setval(pg_get_serial_sequence('background_job', 'id'), coalesce(max(id), 0) + 1, false) from background_job;

insert into background_job (type, status, total, processed, error, report, queued_at, started_at, updated_at,
                            finished_at)
select 'price-list-import', case status when 'done' then 'succeeded' else status end, total, processed, error,
       jsonb_build_object('supplierId', supplier_id, 'created', created, 'updated', updated,
                          'withdrawn', withdrawn, 'unchanged', unchanged),
       started_at, started_at, coalesce(finished_at, started_at), finished_at
from price_list_import
order by started_at;

drop table onec_import;
drop table price_list_import;
