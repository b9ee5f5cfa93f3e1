-- Country by client address: non-overlapping ranges of IPv4 and IPv6 addresses (inet orders every
-- IPv4 address before every IPv6 one, so one table serves both). A lookup is one index probe: the
-- range with the greatest start <= the address, then a check of its end.
create table ip_range (
    range_start inet         not null,
    range_end   inet         not null,
    country     varchar(100) not null,
    check (family(range_start) = family(range_end) and range_start <= range_end)
);
create unique index ip_range_start on ip_range (range_start) include (range_end, country);
