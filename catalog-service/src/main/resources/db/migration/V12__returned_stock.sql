-- A paid order cancelled before it was shipped gives its sold units back to stock: its reservation rows
-- become 'returned'. Catalog learns that an order was shipped from its OrderStatusChanged events
-- (shipped_at), so the units of an order cancelled after shipping (the goods have left) are not added.
alter table stock_order add column shipped_at timestamptz;

alter table stock_reservation drop constraint stock_reservation_state_check;
alter table stock_reservation add constraint stock_reservation_state_check
    check (state in ('reserved', 'released', 'sold', 'returned'));
