-- Mails about orders are written here in the transaction that decides them and sent by MailOutbox after
-- the commit (and again after a crash): a mail can no longer be lost between the consumer's commit and
-- the SMTP conversation. Sent rows are pruned by the retention job (SentMailRetention).
create table mail_outbox (
    id              bigserial primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where sent_at is null;
create index mail_outbox_sent on mail_outbox (sent_at) where sent_at is not null;
