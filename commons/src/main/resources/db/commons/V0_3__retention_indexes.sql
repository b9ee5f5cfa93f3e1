-- The retention job (shop.commons.retention) deletes by age: these let it find the old rows without
-- reading the whole table.
create index processed_event_processed_at on processed_event (processed_at);
create index outbox_message_sent_at on outbox_message (sent_at) where sent_at is not null;
