create table category (
    id         bigint generated always as identity primary key,
    name       varchar(200) not null,
    parent_id  bigint references category (id),
    created_at timestamptz  not null default now()
);
create unique index category_name_unique on category (lower(name));
create index category_parent on category (parent_id);
