-- The product list's parameter filters (param.<name>=<value>) ask p.parameters @> '{"name":"value"}':
-- a GIN index (jsonb_path_ops: containment only, smaller than the default) answers them.
create index product_parameters on product using gin (parameters jsonb_path_ops);
