-- Delivered goods that came back (OrderGoodsReturned, issue 15): how many units of a sold reservation are
-- back on hand, so a line never gets back more than it sold (the event itself is handled once by its id).
alter table stock_reservation add column returned_quantity integer not null default 0;
alter table stock_reservation add constraint stock_reservation_returned check (returned_quantity between 0 and quantity);
