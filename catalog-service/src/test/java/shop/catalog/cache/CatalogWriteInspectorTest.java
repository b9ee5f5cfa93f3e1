package shop.catalog.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which statements count as catalog writes: reads and bookkeeping do not, everything else does. */
class CatalogWriteInspectorTest {
    @Test
    void readsAndLocksAreNotWrites() {
        assertFalse(CatalogWriteInspector.writesCatalog("select p1_0.id from product p1_0 where p1_0.id=?"));
        assertFalse(CatalogWriteInspector.writesCatalog("  SELECT id FROM variant WHERE id IN (?) ORDER BY id FOR UPDATE"));
        assertFalse(CatalogWriteInspector.writesCatalog("with recursive sub(id) as (select id from category where id in (?)"
                + " union select c.id from category c join sub on c.parent_id = sub.id) select p.id from product p"));
        assertFalse(CatalogWriteInspector.writesCatalog("with locked as (select id from variant for update) select * from locked"));
    }

    @Test
    void writesOfCatalogTablesAreWrites() {
        assertTrue(CatalogWriteInspector.writesCatalog("update variant set reserved=? where id=?"));
        assertTrue(CatalogWriteInspector.writesCatalog("insert into product (name,article) values (?,?)"));
        assertTrue(CatalogWriteInspector.writesCatalog("delete from product_material where product_id=?"));
        assertTrue(CatalogWriteInspector.writesCatalog("UPDATE public.supplier SET active=false"));
        assertTrue(CatalogWriteInspector.writesCatalog("with x as (select 1) update variant v set on_hand = 1 from x"));
        // a table added later counts until someone decides otherwise
        assertTrue(CatalogWriteInspector.writesCatalog("insert into some_new_table values (1)"));
        // anything unusual is assumed to write
        assertTrue(CatalogWriteInspector.writesCatalog("truncate variant"));
    }

    @Test
    void bookkeepingIsNotACatalogWrite() {
        assertFalse(CatalogWriteInspector.writesCatalog("insert into processed_event (event_id, consumer) values (?, ?)"));
        assertFalse(CatalogWriteInspector.writesCatalog("delete from outbox_message where id in (?)"));
        assertFalse(CatalogWriteInspector.writesCatalog("update stock_order set outcome = ? where order_id = ?"));
        assertFalse(CatalogWriteInspector.writesCatalog("insert into stock_reservation (order_id) values (?)"));
    }
}
