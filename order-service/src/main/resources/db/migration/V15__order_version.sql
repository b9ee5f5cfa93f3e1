-- The order aggregate's optimistic version (JPA @Version): a writer that did not hold the row lock cannot
-- overwrite a change made meanwhile. Native updates of an order bump it too.
alter table customer_order add column version bigint not null default 0;
