-- Tracing: the W3C trace context of the transaction that wrote an event, sent with it as the Kafka record
-- headers of the same names, so that consumers continue the trace (shop.commons.tracing.EventTracing).
-- Null for an event written outside any trace. (V0_4 was taken by background jobs: this is 0.4.1.)
alter table outbox_message add column traceparent varchar(55);
alter table outbox_message add column tracestate text;
