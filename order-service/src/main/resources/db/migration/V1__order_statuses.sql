-- The order status dictionary (SPEC "Decisions"): system statuses are fixed; staff may add their own.
create table order_status (
    code        varchar(50)  primary key,
    name        varchar(100) not null,
    system      boolean      not null default false,
    position    integer      not null
);
insert into order_status (code, name, system, position) values
    ('new',       'New',       true, 10),
    ('confirmed', 'Confirmed', true, 20),
    ('rejected',  'Rejected',  true, 30),
    ('paid',      'Paid',      true, 40),
    ('shipped',   'Shipped',   true, 50),
    ('delivered', 'Delivered', true, 60),
    ('cancelled', 'Cancelled', true, 70);
