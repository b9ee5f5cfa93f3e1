-- Gateway requests are deduplicated by their fact row (analytics_request, primary key source + event_key
-- = the event id) since this version, no longer by one processed_event row per request. Drop the rows
-- written for requests before; the retention job would delete them after shop.retention.processed-events
-- anyway, this only frees the space at once.
delete from processed_event p
using analytics_request r
where p.consumer = 'live-counters' and r.source = 'live' and r.event_key = p.event_id::text;
