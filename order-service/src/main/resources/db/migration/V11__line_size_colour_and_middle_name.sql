-- Orders keep a snapshot of each line's size and colour (SPEC: name, article, size, colour, supplier,
-- unit price). catalog publishes their names in VariantState; the read model keeps them for carts and for
-- the snapshot taken at placement. Text: whatever catalog sends is stored (a length limit here would block
-- the topic). Lines and states from before this migration have none (null) until catalog republishes.
alter table catalog_variant
    add column size_name  text,
    add column color_name text,
    add column color_code text;

alter table order_line
    add column size_name  text,
    add column color_name text,
    add column color_code text;

-- the profile's patronymic, so an order placed without a contact gets it too (customers.events carries it)
alter table customer_contact
    add column middle_name text;
