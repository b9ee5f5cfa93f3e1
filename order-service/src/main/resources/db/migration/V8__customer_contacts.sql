-- order-service's read model of customers.events: the contact details of each customer's profile, so a
-- signed-in customer need not type them for every order. Text columns: whatever customer-service sends
-- is stored (a value an order cannot take is refused when an order is placed, not here, where it would
-- block the topic). state_at is the event's occurredAt: an older state never overwrites a newer one.
create table customer_contact (
    customer_id bigint      primary key,
    first_name  text,
    last_name   text,
    email       text,
    phone       text,
    deleted     boolean     not null,
    state_at    timestamptz not null
);
