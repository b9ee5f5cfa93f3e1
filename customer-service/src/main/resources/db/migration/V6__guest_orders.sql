-- Guest orders (placed without signing in), learnt from OrderPlaced on orders.events.
-- customer_id: the customer record kept for the guest (the active customer with the order's email, else
--   the one with its phone, else a new guest record). It says who the guest probably is, nothing more:
--   the order is handed to an account only once that account confirms the order's email (linked_*),
--   because a record can be taken over by registering with its phone or an unconfirmed email.
-- Text columns: whatever order-service sends is stored, nothing here may block the topic.
create table guest_order (
    order_id           bigint      primary key,
    customer_id        bigint      not null references customer (id),
    email              text        not null,
    phone              text,
    linked_customer_id bigint      references customer (id),
    linked_at          timestamptz,
    created_at         timestamptz not null default now()
);
-- confirming an email looks up the orders still waiting for it
create index guest_order_waiting on guest_order (lower(email)) where linked_customer_id is null;
