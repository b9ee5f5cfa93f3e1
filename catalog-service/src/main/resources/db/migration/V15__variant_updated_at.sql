-- When a variant last changed (GET /api/catalog/variants?updatedSince=...: 1C and the site fetch what
-- changed since their last sync). A trigger moves it, not the code: stock is changed by the saga, the
-- imports, the factories and deliveries with entity writes and bulk statements alike, and a column every
-- writer had to remember would be missed by the next one. An update that changes nothing leaves it.
-- now() is the transaction's start: a client syncing by updatedSince re-reads a small overlap (see docs).
alter table variant add column updated_at timestamptz;
update variant set updated_at = created_at;
alter table variant alter column updated_at set not null;
alter table variant alter column updated_at set default now();

create function variant_touch() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create trigger variant_touch before update on variant
    for each row when (old.* is distinct from new.*) execute function variant_touch();

create index variant_updated on variant (updated_at, id);
