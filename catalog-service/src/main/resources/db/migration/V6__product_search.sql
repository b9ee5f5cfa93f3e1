-- Product browse and search (GET /api/catalog/products).
--
-- Search has two paths, OR-ed:
-- 1. Full-text: a stored tsvector over name + article (weight A/B) and description (C/D), built with
--    three configurations: 'simple' keeps every word as written, so a prefix query ('футб':*) finds
--    "Футболка" and a partial English word finds its word too; 'russian' and 'english' stem, so
--    "футболки" finds "Футболка" and "dresses" finds "Dress". A GIN index answers it.
-- 2. Fragments: lower(article) LIKE '%fragment%' for a piece of an article from its middle
--    ("1001" in "TS-1001"), which word prefixes cannot find; a pg_trgm GIN index answers it, so the
--    planner can combine both indexes (BitmapOr) instead of scanning every product.
--
-- Text is lower-cased with the builtin "pg_c_utf8" collation (PostgreSQL 17) before it is parsed:
-- databases created with the C locale (devstack's) lower-case only ASCII letters, and the text
-- search parser lower-cases with the database locale, so "Футболка" would otherwise stay capitalised
-- and neither stem nor match "футболка". pg_c_utf8 does full Unicode case mapping regardless of the
-- database's locale, and lower() with it is immutable, as a generated column needs.
create extension if not exists pg_trgm;

alter table product add column search tsvector generated always as (
    setweight(to_tsvector('simple', lower((name || ' ' || article) collate "pg_c_utf8")), 'A')
    || setweight(to_tsvector('russian', lower(name collate "pg_c_utf8")), 'B')
    || setweight(to_tsvector('english', lower(name collate "pg_c_utf8")), 'B')
    || setweight(to_tsvector('simple', lower(coalesce(description, '') collate "pg_c_utf8")), 'C')
    || setweight(to_tsvector('russian', lower(coalesce(description, '') collate "pg_c_utf8")), 'D')
    || setweight(to_tsvector('english', lower(coalesce(description, '') collate "pg_c_utf8")), 'D')
) stored;

create index product_search on product using gin (search);
create index product_article_trgm on product using gin (lower(article collate "pg_c_utf8") gin_trgm_ops);

-- the public list: visible, not deleted products, newest first (the default order)
create index product_listed_new on product (created_at desc, id desc) where visible and deleted_at is null;
create index product_supplier on product (supplier_id) where supplier_id is not null;
