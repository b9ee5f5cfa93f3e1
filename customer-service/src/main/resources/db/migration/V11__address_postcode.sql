-- Saved addresses get a postcode (6-digit Russian Post index; optional, addresses saved before have none).
alter table customer_address add column postcode varchar(6);
