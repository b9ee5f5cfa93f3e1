-- Catalog dictionaries (seed 000): materials, compositions ("structures"), care instructions
-- ("products_care"), sizes and colours. Names are unique regardless of case.
create table material (
    id   bigint generated always as identity primary key,
    name varchar(200) not null
);
create unique index material_name_unique on material (lower(name));

create table composition (
    id   bigint generated always as identity primary key,
    name varchar(200) not null
);
create unique index composition_name_unique on composition (lower(name));

create table care_instruction (
    id   bigint generated always as identity primary key,
    name varchar(500) not null
);
create unique index care_instruction_name_unique on care_instruction (lower(name));

create table size (
    id   bigint generated always as identity primary key,
    name varchar(50) not null
);
create unique index size_name_unique on size (lower(name));

create table color (
    id   bigint generated always as identity primary key,
    name varchar(100) not null,
    -- #RRGGBB, upper case
    code char(7)      not null check (code ~ '^#[0-9A-F]{6}$')
);
create unique index color_name_unique on color (lower(name));
