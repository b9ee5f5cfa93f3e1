-- Guest carts nobody wrote to for a while are deleted by the retention job (GuestCartRetention).
create index cart_guest_updated on cart (updated_at) where token is not null;

-- The open-order limit (OpenOrderLimit) counts a guest's open orders by its contact: the email regardless
-- of case, the phone by its digits with a leading 8 of an 11-digit number read as 7 (as customer-service
-- normalises phones). Open = not final, not paid, not shipped.
create function order_contact_phone(phone text) returns text
    language sql immutable strict parallel safe
    return regexp_replace(regexp_replace(phone, '\D', '', 'g'), '^8(\d{10})$', '7\1');

create index customer_order_open_email on customer_order (lower(email))
    where paid_at is null and shipped_at is null and status not in ('rejected', 'delivered', 'cancelled');
create index customer_order_open_phone on customer_order (order_contact_phone(phone))
    where paid_at is null and shipped_at is null and status not in ('rejected', 'delivered', 'cancelled');
