-- Promotions (issue 15): what a line earns is quantity * unit_price - discount (OrderLine.discount;
-- lines recorded before it had none).
alter table analytics_order_line add column discount numeric(12, 2) not null default 0;
