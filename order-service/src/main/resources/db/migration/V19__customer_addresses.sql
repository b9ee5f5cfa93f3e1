-- Customers' saved delivery addresses as customer-service announces them (AddressSaved / AddressRemoved on
-- customers.events), so a signed-in customer can check out with one. A removed address keeps its row
-- (fields dropped) so an older AddressSaved arriving late cannot bring it back.
create table customer_address (
    address_id  bigint        primary key,
    customer_id bigint        not null,
    city        varchar(100),
    street      varchar(200),
    house       varchar(20),
    building    varchar(20),
    apartment   varchar(20),
    floor       integer,
    postcode    varchar(40),
    comment     varchar(1000),
    removed     boolean       not null default false,
    state_at    timestamptz   not null
);
create index customer_address_customer on customer_address (customer_id);
