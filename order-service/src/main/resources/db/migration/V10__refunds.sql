-- A paid order that is cancelled owes the customer its money (SPEC: stock goes back when an order is
-- cancelled; the money has to as well). Set at the cancellation: what was paid and since when it is
-- owed; refunded_at when staff have paid it back (who did it is in the status history).
alter table customer_order add column refund_amount numeric(12,2);
alter table customer_order add column refund_due_at timestamptz;
alter table customer_order add column refunded_at timestamptz;
alter table customer_order add constraint customer_order_refund
    check ((refund_due_at is null) = (refund_amount is null) and (refunded_at is null or refund_due_at is not null));
-- staff's list of refunds still to do
create index customer_order_refund_due on customer_order (refund_due_at) where refund_due_at is not null and refunded_at is null;
