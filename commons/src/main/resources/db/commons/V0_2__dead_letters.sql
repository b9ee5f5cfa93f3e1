-- Dead letters (commons): records a consumer could not apply, kept until staff replay or discard them.
-- Written in one transaction with an outbox message to <topic>.dlq, before the record's offset is
-- committed, so a dead letter is never lost. Never pruned: a discarded one keeps who discarded it.
create table dead_letter (
    id              bigint generated always as identity primary key,
    consumer        varchar(100) not null,
    topic           varchar(200) not null,
    record_partition integer     not null,
    record_offset   bigint       not null,
    record_key      text,
    record_value    text         not null,
    event_id        uuid,
    event_type      varchar(100),
    error_class     varchar(300) not null,
    error_message   text,
    attempts        integer      not null,
    failed_at       timestamptz  not null default now(),
    replayed_at     timestamptz,
    replayed_by     varchar(200),
    discarded_at    timestamptz,
    discarded_by    varchar(200),
    last_replay_error text,
    -- a record redelivered after its dead letter was written (offset not yet committed) adds no second one
    unique (consumer, topic, record_partition, record_offset)
);
create index dead_letter_open on dead_letter (failed_at desc) where replayed_at is null and discarded_at is null;
