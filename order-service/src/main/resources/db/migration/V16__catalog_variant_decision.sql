-- catalog decides whether a variant can be ordered and what one unit costs, and publishes the decision in
-- VariantState version 2 (orderable, unorderable, unitPrice); the read model stores it as it comes instead
-- of deriving it from active / supplier_accepting_orders / removed, which go.
-- unorderable: the reason's name (REMOVED, INACTIVE, SUPPLIER_NOT_ACCEPTING_ORDERS), null when orderable.
alter table catalog_variant
    add column orderable   boolean,
    add column unorderable text,
    add column unit_price  numeric(12,2);

-- rows written from version-1 records: once, with the rule catalog applied when it wrote them
update catalog_variant set
    unorderable = case when removed then 'REMOVED'
                       when not active then 'INACTIVE'
                       when not supplier_accepting_orders then 'SUPPLIER_NOT_ACCEPTING_ORDERS' end,
    unit_price  = case when discounted_price < price then discounted_price else price end;
update catalog_variant set orderable = unorderable is null;

alter table catalog_variant
    alter column orderable set not null,
    alter column unit_price set not null,
    add constraint catalog_variant_decision check (orderable = (unorderable is null)),
    drop column active,
    drop column supplier_accepting_orders,
    drop column removed;
