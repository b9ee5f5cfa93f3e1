-- When staff switched a confirmed order to card payment: its unpaid-order deadline counts from the
-- later of this and its confirmation (not from a confirmation long ago). Null: paid as placed.
alter table customer_order add column card_chosen_at timestamptz;
