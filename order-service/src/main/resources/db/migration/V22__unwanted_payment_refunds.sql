-- A card payment that succeeds when the order no longer wants it (cancelled a moment before the customer
-- paid, or already paid by another payment) is refunded in full through the provider, once per payment.
alter table refund drop constraint refund_kind_check;
alter table refund add constraint refund_kind_check check (kind in ('cancellation', 'return', 'unwanted-payment'));
create unique index refund_unwanted_payment on refund (payment_id) where kind = 'unwanted-payment';
