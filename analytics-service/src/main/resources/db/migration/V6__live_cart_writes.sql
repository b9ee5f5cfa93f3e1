-- The cart a live cart write (gateway PUT /api/cart, PUT /api/cart/items/{id}) filled: 'customer-<id>'
-- or 'guest-<hash of the cart token>' (never the token). The conversion report counts distinct carts.
alter table analytics_request add column cart_key varchar(100);
create index analytics_request_live_cart on analytics_request (occurred_at) include (cart_key)
    where source = 'live' and kind = 'cart' and cart_key is not null;
