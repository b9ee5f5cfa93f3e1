-- Issue 15: delivery priced by weight and suppliers (seed 002), and the order's address as fields (seed 000).

-- The delivery type's rule: price is always charged; the weight part adds pricePerKg x kg or the price of
-- the weight band the goods fall in (one or the other); each supplier beyond the first adds the surcharge.
alter table delivery_type
    add column price_per_kg       numeric(12,2) check (price_per_kg >= 0),
    add column weight_bands       jsonb,  -- [{"upToKg": 5.000, "price": 100.00}, ...], ascending; null = none
    add column supplier_surcharge numeric(12,2) not null default 0 check (supplier_surcharge >= 0);

-- The structured address, copied onto the order (a saved address edited later does not change it).
-- delivery_address stays the one-line text every order has: the address written out, or the free text
-- of a client that sends only that (then the fields below are null).
alter table customer_order
    add column address_city      varchar(100),
    add column address_street    varchar(200),
    add column address_house     varchar(20),
    add column address_building  varchar(20),
    add column address_apartment varchar(20),
    add column address_floor     integer,
    add column address_postcode  varchar(40),
    add column address_comment   varchar(1000),
    add column saved_address_id  bigint;  -- the customer's saved address it was copied from, if any

-- What one unit weighed when ordered (null: unknown), so a later change of delivery type prices the same parcel.
alter table order_line add column unit_weight_kg numeric(12,3);
