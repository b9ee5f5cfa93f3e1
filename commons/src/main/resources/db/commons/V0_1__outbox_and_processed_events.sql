-- Shared event plumbing (commons): the transactional outbox and the processed-event log.
-- Versions 0.x belong to commons; a service's own migrations start at V1.
create table outbox_message (
    id          bigint generated always as identity primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    message_key varchar(200) not null,
    type        varchar(100) not null,
    envelope    text         not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz,
    attempts    integer      not null default 0,
    last_error  text
);
create index outbox_message_unsent on outbox_message (id) where sent_at is null;

create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);
