-- Running totals of live events, one row per counter (e.g. categories.created).
create table live_counter (
    name  varchar(100) primary key,
    value bigint not null default 0
);
