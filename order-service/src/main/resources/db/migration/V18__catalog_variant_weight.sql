-- The product's weight as catalog publishes it (VariantState.weightKg); null = unknown.
alter table catalog_variant add column weight_kg numeric(12,3);
