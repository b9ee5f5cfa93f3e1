-- Product images. The files live in an ImageStorage (local directory or S3-compatible store) under
-- generated keys; this table is the only place that maps an image id to them, so no request-chosen
-- name ever reaches the storage.
create table product_image (
    id           bigint generated always as identity primary key,
    product_id   bigint      not null references product (id),
    variant_id   bigint references variant (id) on delete set null,
    position     int         not null default 0,
    content_type text        not null,
    original_key text        not null unique,
    web_key      text        not null unique,
    width        int         not null,
    height       int         not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    created_at   timestamptz not null default now()
);
create index product_image_by_product on product_image (product_id, position, id);
